// In-process command tests at the Ctx seam: spec-checked stubs for endpoint CRUD, real loopback
// sockets where a command sends or receives HTTP.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../helpers/test-ctx.js';
import { anEndpoint, aPage } from '../helpers/builders.js';
import { startWebhookListener } from '../../src/core/webhook/listener.js';
import { signatureHeader } from '../../src/core/webhook/signature.js';
import { currentHost, listenDescription } from '../../src/core/webhook/endpoints.js';
import { anEvent, startFakeApp } from '../helpers/webhook.js';

const EP = anEndpoint();
let t: TestCtx;
let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'ycp-wh-cmd-'))));
afterEach(() => {
  t.verify();
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('ycp webhook endpoint', () => {
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

  test('create sends url + events + description and masks the new secret', async () => {
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('POST', '/webhookEndpoints').reply(200, anEndpoint({ enabledEvents: ['whatsapp.message.updated', 'whatsapp.template.reviewed'] }));
    expect(await t.run(['webhook', 'endpoint', 'create', 'https://example.com/webhooks/ycloud', '--events', 'whatsapp.message.updated,whatsapp.template.reviewed', '--description', 'prod'])).toBe(0);
    expect(t.api.requests[0]!.body).toEqual({ url: 'https://example.com/webhooks/ycloud', enabledEvents: ['whatsapp.message.updated', 'whatsapp.template.reviewed'], description: 'prod' });
    expect(t.stdout()).toContain('secret\twhsec_abc…3f1');
    expect(t.stderr()).toContain(`Created webhook endpoint ${EP.id}`);
  });

  test('create rejects an unknown event type (exit 2, nothing sent)', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'endpoint', 'create', 'https://example.com/h', '--event', 'whatsapp.nope'])).toBe(2);
    expect(t.stderr()).toContain('unknown event type "whatsapp.nope"');
  });

  test('delete needs --yes when it cannot ask; with --yes it deletes', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'endpoint', 'delete', EP.id])).toBe(2);
    expect(t.stderr()).toContain('--yes');
    t.dispose();
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('DELETE', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    expect(await t.run(['webhook', 'endpoint', 'delete', EP.id, '--yes'])).toBe(0);
    expect(t.stderr()).toContain(`Deleted webhook endpoint ${EP.id}`);
  });

  test('delete asks on a TTY', async () => {
    t = createTestCtx({ stdinTTY: true, stdoutTTY: true, answers: { '--yes': true } });
    t.api.on('DELETE', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    expect(await t.run(['webhook', 'endpoint', 'delete', EP.id])).toBe(0);
    expect(t.questions).toEqual(['--yes']);
  });

  test('rotate-secret shows the new secret masked and warns about the switch', async () => {
    const rotated = anEndpoint({ secret: 'whsec_new0000000000000000000000000999' });
    t = createTestCtx({ secrets: [rotated.secret!] });
    t.api.on('POST', `/webhookEndpoints/${EP.id}/rotateSecret`).reply(200, rotated);
    expect(await t.run(['webhook', 'endpoint', 'rotate-secret', EP.id])).toBe(0);
    expect(t.stdout()).toContain('secret\twhsec_new…999');
    expect(t.stderr()).toContain('no grace period');
  });
});

describe('ycp webhook verify', () => {
  const secret = 'whsec_ycp_demo_secret';
  const body = '{"id":"evt_demo","type":"whatsapp.message.updated","apiVersion":"v2"}';
  const header = 't=1712345678,s=691d465054d22a765e349d7cfe8e16eb75f818426d6aaaef25f57b6d98ef7b31';

  test('valid from --body-file → exit 0', async () => {
    writeFileSync(join(dir, 'body.json'), body);
    t = createTestCtx({ secrets: [secret] });
    expect(await t.run(['webhook', 'verify', '--secret', 'whsec_other_secret_x', '--secret', secret, '--header', header, '--body-file', join(dir, 'body.json'), '--now', '1712345700'])).toBe(0);
    expect(t.stdout()).toBe('valid (timestamp 1712345678, secret #2 of 2)\n');
  });

  test('valid from stdin, whole header line → exit 0; --json', async () => {
    t = createTestCtx({ stdin: body, secrets: [secret] });
    expect(await t.run(['webhook', 'verify', '--secret', secret, '--header', `YCloud-Signature: ${header}`, '--now', '1712345678', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({ valid: true, timestamp: 1712345678, secretIndex: 0 });
  });

  test.each([
    ['stale timestamp', ['--now', '1712346000'], body, 'stale-timestamp'],
    ['no matching secret', ['--now', '1712345678'], body + ' ', 'no-matching-secret'],
    ['bad format', ['--now', '1712345678', '--header', 't=1712345678'], body, 'bad-format'],
  ])('%s → exit 3 with the reason', async (_n, extra, input, reason) => {
    t = createTestCtx({ stdin: input, secrets: [secret] });
    const argv = ['webhook', 'verify', '--secret', secret, '--header', header, ...extra];
    expect(await t.run(argv)).toBe(3);
    expect(t.stderr()).toContain(`invalid signature (${reason})`);
    expect(t.stdout()).toBe('');
  });
});

describe('ycp webhook trigger / replay', () => {
  const secret = 'whsec_trigger_test_000000000000';

  test('--list lists every spec type', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'trigger', '--list', '--json'])).toBe(0);
    const rows = JSON.parse(t.stdout()) as { type: string }[];
    expect(rows).toHaveLength(33);
    expect(rows.find((r) => r.type === 'whatsapp.message.updated')).toEqual({ type: 'whatsapp.message.updated', payload: true });
  });

  test('sends a signed sample that a listener accepts; prints the status', async () => {
    t = createTestCtx({ secrets: [secret] });
    t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
    const got: unknown[] = [];
    const l = await startWebhookListener({ secrets: [secret], now: () => t.clock.now(), onEvent: (e) => got.push(e) });
    try {
      expect(await t.run(['webhook', 'trigger', 'whatsapp.template.reviewed', '--to', l.url, '--secret', secret])).toBe(0);
    } finally {
      await l.close();
    }
    expect(t.stdout()).toMatch(/^200\twhatsapp\.template\.reviewed\tevt_ycp_[0-9a-f]{20}\n$/);
    expect(got).toHaveLength(1);
  });

  test('a rejected trigger → exit 1 and the status', async () => {
    t = createTestCtx({ env: { YCLOUD_WEBHOOK_SECRET: 'whsec_wrong_one_000000000' } });
    t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
    const l = await startWebhookListener({ secrets: [secret], now: () => t.clock.now() });
    try {
      expect(await t.run(['webhook', 'trigger', 'whatsapp.message.updated', '--to', l.url])).toBe(1);
    } finally {
      await l.close();
    }
    expect(t.stdout()).toMatch(/^400\t/);
    expect(t.stderr()).toContain('answered 400');
  });

  test('trigger without --to or secret → exit 2', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'trigger', 'whatsapp.message.updated'])).toBe(2);
    expect(await t.run(['webhook', 'trigger', 'whatsapp.message.updated', '--to', 'http://127.0.0.1:9/'])).toBe(2);
    expect(t.stderr()).toContain('--secret is required');
  });

  test('replay re-sends recorded events re-signed with a fresh timestamp, filtered by type', async () => {
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, [anEvent('evt_r_000001'), anEvent('evt_r_000002', 'whatsapp.template.reviewed'), anEvent('evt_r_000003')].map((e) => JSON.stringify(e)).join('\n') + '\n');
    const app = await startFakeApp();
    t = createTestCtx({ secrets: [secret] });
    t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
    try {
      expect(await t.run(['webhook', 'replay', '--from', file, '--type', 'whatsapp.message.updated', '--to', app.url, '--secret', secret])).toBe(0);
    } finally {
      await app.close();
    }
    expect(t.stdout()).toBe('200\twhatsapp.message.updated\tevt_r_000001\n200\twhatsapp.message.updated\tevt_r_000003\n');
    const tNow = Math.floor(t.clock.now() / 1000);
    for (const r of app.received) expect(r.headers['ycloud-signature']).toBe(signatureHeader(secret, tNow, r.body));
  });

  test('replay --id of an unknown event → exit 2', async () => {
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, JSON.stringify(anEvent('evt_r_000001')) + '\n');
    t = createTestCtx();
    expect(await t.run(['webhook', 'replay', '--from', file, '--id', 'evt_nope_1', '--to', 'http://127.0.0.1:9/', '--secret', secret])).toBe(2);
    expect(t.stderr()).toContain('no event evt_nope_1');
  });
});

describe('ycp webhook clean', () => {
  const started = new Date(Date.parse('2026-11-26T12:00:00.000Z') - 3_600_000).toISOString();
  const old = new Date(Date.parse('2026-11-26T12:00:00.000Z') - 48 * 3_600_000).toISOString();
  const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max: never alive
  const eps = [
    anEndpoint({ id: 'wh_dead_here', description: listenDescription({ host: currentHost(), pid: DEAD_PID, started }) }),
    anEndpoint({ id: 'wh_alive_here', description: listenDescription({ host: currentHost(), pid: process.pid, started }) }),
    anEndpoint({ id: 'wh_other_recent', description: listenDescription({ host: 'build-box-7', pid: 42, started }) }),
    anEndpoint({ id: 'wh_other_old', description: listenDescription({ host: 'build-box-7', pid: 43, started: old }) }),
    anEndpoint({ id: 'wh_prod', description: 'production' }),
  ];

  test('deletes dead runs on this host and old ones elsewhere; keeps the rest', async () => {
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('GET', '/webhookEndpoints?page=1&limit=100').reply(200, aPage(eps));
    t.api.on('DELETE', '/webhookEndpoints/wh_dead_here').reply(200, eps[0]);
    t.api.on('DELETE', '/webhookEndpoints/wh_other_old').reply(404, { error: { status: 404, code: 'NOT_FOUND', message: 'not found' } });
    expect(await t.run(['webhook', 'clean'])).toBe(0);
    const rows = t.stdout().trim().split('\n').map((l) => l.split('\t').slice(0, 2).join(' '));
    expect(rows).toEqual(['deleted wh_dead_here', 'kept wh_alive_here', 'kept wh_other_recent', 'gone wh_other_old']);
    expect(t.stderr()).toBe('deleted 2 leftover endpoint(s)\n');
  });

  test('--all-hosts --dry-run shows what would go and deletes nothing', async () => {
    t = createTestCtx();
    t.api.on('GET', '/webhookEndpoints?page=1&limit=100').reply(200, aPage(eps));
    expect(await t.run(['webhook', 'clean', '--all-hosts', '--dry-run', '--json'])).toBe(0);
    const rows = JSON.parse(t.stdout()) as { id: string; action: string }[];
    expect(rows.map((r) => `${r.action} ${r.id}`)).toEqual(['would delete wh_dead_here', 'kept wh_alive_here', 'would delete wh_other_recent', 'would delete wh_other_old']);
  });
});
