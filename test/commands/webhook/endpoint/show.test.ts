// `ycp webhook endpoint show <id> [--show-secret]`: how a partner reads the production endpoint's full
// signing secret for their app (init's step 7 points here); masked unless asked for by name.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../../helpers/test-ctx.js';
import { anEndpoint } from '../../../helpers/builders.js';

const EP = anEndpoint();
let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp webhook endpoint show', () => {
  test('shows the endpoint with its secret masked, on stdout and in --json', async () => {
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('GET', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    expect(await t.run(['webhook', 'endpoint', 'show', EP.id])).toBe(0);
    expect(t.stdout()).toBe(`id\t${EP.id}\nurl\t${EP.url}\nstatus\tactive\nevents\t${EP.enabledEvents!.join(',')}\ndescription\ttest endpoint\nsecret\twhsec_abc…3f1\ncreated\t${EP.createTime}\n`);
    expect(t.stderr()).toBe('');
    t.dispose();
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('GET', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    expect(await t.run(['webhook', 'endpoint', 'show', EP.id, '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toMatchObject({ id: EP.id, secret: 'whsec_abc…3f1' });
  });

  test('--show-secret prints it in full, the one place it is meant to appear', async () => {
    t = createTestCtx();
    t.api.on('GET', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    expect(await t.run(['webhook', 'endpoint', 'show', EP.id, '--show-secret'])).toBe(0);
    expect(t.stdout()).toContain(`secret\t${EP.secret}\n`);
  });

  test('no secret in the answer: says how to get a new one; an unknown id is YCloud\'s 404 (exit 1)', async () => {
    const { secret: _secret, ...bare } = EP;
    t = createTestCtx({ env: { YCP_LANG: 'zh-CN' } });
    t.api.on('GET', `/webhookEndpoints/${EP.id}`).reply(200, bare);
    expect(await t.run(['webhook', 'endpoint', 'show', EP.id])).toBe(0);
    expect(t.stderr()).toBe(`YCloud 未返回此端点的密钥：可用 \`ycp webhook endpoint rotate-secret ${EP.id} --show-secret\` 生成新密钥（您的应用须立即改用新密钥）\n`);
    t.dispose();
    t = createTestCtx();
    t.api.on('GET', '/webhookEndpoints/wh_missing').reply(404, { error: { status: 404, code: 'NOT_FOUND', message: 'webhook endpoint not found', requestId: 'req_404' } });
    expect(await t.run(['webhook', 'endpoint', 'show', 'wh_missing'])).toBe(1);
    expect(t.stderr()).toContain('error: ');
    expect(t.stderr()).toContain('request id: req_404');
  });
});
