// Endpoint CRUD at the Ctx seam, against spec-checked stubs.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../../helpers/test-ctx.js';
import { anEndpoint, aPage } from '../../../helpers/builders.js';

const EP = anEndpoint();
let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp webhook endpoint list', () => {
  test('list masks secrets (pipe: tab-separated, no header)', async () => {
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('GET', '/webhookEndpoints?page=1&limit=100').reply(200, aPage([EP]));
    expect(await t.run(['webhook', 'endpoint', 'list'])).toBe(0);
    expect(t.stdout()).toBe(`${EP.id}\tactive\t${EP.url}\t1\twhsec_abc…3f1\t${EP.createTime}\ttest endpoint\n`);
  });

  test('list --json masks too', async () => {
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('GET', '/webhookEndpoints?page=1&limit=100').reply(200, aPage([EP]));
    expect(await t.run(['webhook', 'endpoint', 'list', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())[0].secret).toBe('whsec_abc…3f1');
  });

  test('list --show-secret shows it in full', async () => {
    t = createTestCtx();
    t.api.on('GET', '/webhookEndpoints?page=1&limit=100').reply(200, aPage([EP]));
    expect(await t.run(['webhook', 'endpoint', 'list', '--show-secret', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())[0].secret).toBe(EP.secret);
  });

});
