// `webhook listen` in process: spec-checked stubs for the endpoint CRUD (the API base is loopback,
// so no tunnel), real signed POSTs to the receiver, then an abort (Ctrl-C) that must delete the endpoint.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { anEndpoint } from '../../helpers/builders.js';
import { WHATSAPP_EVENT_TYPES } from '../../../src/core/webhook/event-types.js';
import { STORE_KEY, parseListenMarker } from '../../../src/core/webhook/endpoints.js';
import { anEvent, postSigned } from '../../helpers/webhook.js';
import { until } from '../../helpers/until.js';

const BASE = 'http://127.0.0.1:1/v2'; // loopback API: the sandbox case, no tunnel needed
const SECRET = 'whsec_listen_test_5f1e2d3c4b5a69788796';
const EP = anEndpoint({ id: 'wh_listen_0001', url: 'http://127.0.0.1:5555/', enabledEvents: WHATSAPP_EVENT_TYPES, secret: SECRET });
const agent = new Agent();
let t: TestCtx;
let dir: string | undefined;

afterEach(() => {
  t.verify();
  t.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function startListen(extra: string[] = [], o: { stdoutTTY?: boolean } = {}) {
  t = createTestCtx({ env: { YCLOUD_BASE_URL: BASE }, secrets: [SECRET], stdoutTTY: o.stdoutTTY });
  t.api.on('POST', '/webhookEndpoints').reply(200, EP);
  const done = t.run(['webhook', 'listen', '--status-interval', '0', ...extra]);
  return { done };
}
const READY = /receiving on (http:\/\/127\.0\.0\.1:\d+)/;
const withStderr = (what: string) => () => `${what}; stderr:\n${t.stderr()}`;
async function localUrl(): Promise<string> {
  await until(() => READY.test(t.stderr()), withStderr('the ready line'));
  return READY.exec(t.stderr())![1]!;
}
const sign = () => Math.floor(t.clock.now() / 1000);

describe('ycp webhook listen', () => {
  test('creates a marked endpoint, prints verified events, rejects forgeries, deletes the endpoint on Ctrl-C', async () => {
    const { done } = startListen();
    t.api.on('DELETE', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    const url = await localUrl();
    // the endpoint was created for the local receiver, with every whatsapp.* type and the marker
    const create = t.api.requests[0]!.body as { url: string; enabledEvents: string[]; description: string };
    expect(create.url).toBe(`${url}/`);
    expect(create.enabledEvents).toEqual(WHATSAPP_EVENT_TYPES);
    expect(parseListenMarker(create.description)).toEqual({ host: expect.any(String), pid: process.pid, started: '2026-11-26T12:00:00.000Z' });
    // and recorded for `webhook clean`
    const cfg = await t.ctx.config();
    expect(cfg.store.profile('default')[STORE_KEY]).toEqual([expect.objectContaining({ id: EP.id, pid: process.pid })]);

    const msg = anEvent('evt_listen_1', 'whatsapp.message.updated', { whatsappMessage: { id: 'm1', wabaId: '1', from: '+15550001111', status: 'delivered', wamid: 'wamid.ABC' } });
    expect((await postSigned(url, JSON.stringify(msg), { secret: SECRET, t: sign(), dispatcher: agent })).status).toBe(200);
    expect((await postSigned(url, JSON.stringify(msg), { secret: SECRET, t: sign(), dispatcher: agent })).status).toBe(200);
    const forged = JSON.stringify(anEvent('evt_forged_1', 'whatsapp.message.updated', { note: 'FORGED-BODY' }));
    expect((await postSigned(url, forged, { secret: 'whsec_attacker_0000000000', t: sign(), dispatcher: agent })).status).toBe(400);

    t.abort();
    expect(await done).toBe(130);
    expect(t.stdout()).toBe('2026-11-26T12:00:00.000Z\twhatsapp.message.updated\tevt_listen_1\tdelivered wamid.ABC\n');
    const err = t.stderr();
    expect(err).toContain(`Created webhook endpoint ${EP.id}`);
    expect(err).toContain('secret whsec_lis…796');
    expect(err).toContain('rejected 400 no-matching-secret');
    expect(err).not.toContain('FORGED-BODY');
    expect(err).toContain('Stopping: 1 event(s), 1 duplicate(s), 1 rejected');
    expect(err).toContain(`Deleted webhook endpoint ${EP.id}`);
    expect(t.api.requests.map((r) => r.method)).toEqual(['POST', 'DELETE']);
    expect(cfg.store.profile('default')[STORE_KEY]).toEqual([]);
  });

  test('--json prints each event as one NDJSON line; --output records it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ycp-listen-'));
    const out = join(dir, 'events.ndjson');
    const { done } = startListen(['--json', '--output', out, '--events', 'whatsapp.message.updated,whatsapp.template.reviewed']);
    t.api.on('DELETE', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    const url = await localUrl();
    expect((t.api.requests[0]!.body as { enabledEvents: string[] }).enabledEvents).toEqual(['whatsapp.message.updated', 'whatsapp.template.reviewed']);
    const e1 = anEvent('evt_json_01', 'whatsapp.template.reviewed');
    const e2 = anEvent('evt_json_02', 'some.future.type');
    for (const e of [e1, e2]) expect((await postSigned(url, JSON.stringify(e), { secret: SECRET, t: sign(), dispatcher: agent })).status).toBe(200);
    t.abort();
    expect(await done).toBe(130);
    expect(t.stdout().trim().split('\n').map((l) => JSON.parse(l))).toEqual([e1, e2, { error: expect.objectContaining({ kind: 'cancelled' }) }]);
    expect(readFileSync(out, 'utf8')).toBe(`${JSON.stringify(e1)}\n${JSON.stringify(e2)}\n`);
  });

  test('--keep-endpoint drops the marker instead of deleting', async () => {
    const { done } = startListen(['--keep-endpoint']);
    t.api.on('PATCH', `/webhookEndpoints/${EP.id}`).reply(200, { ...EP, description: 'kept' });
    await localUrl();
    t.abort();
    expect(await done).toBe(130);
    expect(t.api.requests[1]).toMatchObject({ method: 'PATCH', body: { description: 'kept by ycp listen (started 2026-11-26T12:00:00.000Z)' } });
    expect(parseListenMarker((t.api.requests[1]!.body as { description: string }).description)).toBeUndefined();
    expect(t.stderr()).toContain(`Kept webhook endpoint ${EP.id}`);
  });

  test('a remote API without a tunnel provider or --public-url → exit 2, nothing created', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'listen', '--tunnel', 'none', '--status-interval', '0'])).toBe(2);
    expect(t.stderr()).toContain('--tunnel none needs --public-url');
  });

  test('--public-url is used as the endpoint URL for a remote API', async () => {
    t = createTestCtx({ secrets: [SECRET] });
    t.api.on('POST', '/webhookEndpoints').reply(200, { ...EP, url: 'https://dev.example.com/hooks' });
    t.api.on('DELETE', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    const done = t.run(['webhook', 'listen', '--public-url', 'https://dev.example.com/hooks', '--status-interval', '0']);
    await until(() => t.stderr().includes('Ready'), withStderr('ready'));
    expect((t.api.requests[0]!.body as { url: string }).url).toBe('https://dev.example.com/hooks');
    expect(t.stderr()).toContain('via static (--public-url given)');
    t.abort();
    expect(await done).toBe(130);
  });

  test('YCloud refusing the endpoint → exit 1 with its code; the receiver is closed, nothing to delete', async () => {
    t = createTestCtx({ env: { YCLOUD_BASE_URL: BASE } });
    t.api.on('POST', '/webhookEndpoints').reply(400, { error: { status: 400, code: 'PARAM_INVALID', message: 'url must be public', requestId: 'req_x' } });
    expect(await t.run(['webhook', 'listen', '--status-interval', '0'])).toBe(1);
    expect(t.stderr()).toContain('code: PARAM_INVALID');
    const url = /receiving on (http:\/\/127\.0\.0\.1:\d+)/.exec(t.stderr())?.[1];
    expect(url).toBeUndefined(); // never announced as ready
    expect(t.api.requests.map((r) => r.method)).toEqual(['POST']);
  });

  test('an endpoint that cannot be recorded for `webhook clean` is still deleted (exit 1)', async () => {
    t = createTestCtx({ env: { YCLOUD_BASE_URL: BASE }, secrets: [SECRET] });
    t.api.on('POST', '/webhookEndpoints').reply(200, EP);
    t.api.on('DELETE', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    await t.ctx.config(); // the store is open (nothing on disk yet) ...
    mkdirSync(join(t.configDir, 'config.json')); // ... and its file can no longer be written
    expect(await t.run(['webhook', 'listen', '--status-interval', '0'])).toBe(1);
    expect(t.api.requests.map((r) => r.method)).toEqual(['POST', 'DELETE']);
    expect(t.stderr()).toContain(`Deleted webhook endpoint ${EP.id}`);
  });

  test('on a TTY each event is one line: time, type, id, summary; --forward-to passes the app status back', async () => {
    const { startFakeApp } = await import('../../helpers/webhook.js');
    const app = await startFakeApp(() => 202);
    try {
      const { done } = startListen(['--forward-to', app.url], { stdoutTTY: true });
      t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
      t.api.on('DELETE', `/webhookEndpoints/${EP.id}`).reply(200, EP);
      const url = await localUrl();
      const tpl = anEvent('evt_tty_0001', 'whatsapp.template.reviewed', { whatsappTemplate: { wabaId: '1', name: 'order_update', language: 'en_US', status: 'REJECTED', reason: 'INVALID_FORMAT' } });
      expect((await postSigned(url, JSON.stringify(tpl), { secret: SECRET, t: sign(), dispatcher: agent })).status).toBe(202);
      expect(app.received).toHaveLength(1);
      t.abort();
      expect(await done).toBe(130);
      expect(t.stdout()).toMatch(/^\d\d:\d\d:\d\d  whatsapp\.template\.reviewed  evt_tty_0001  order_update\/en_US status REJECTED reason INVALID_FORMAT\n$/);
      expect(t.stderr()).toContain('1 forwarded, 0 forward failure(s)');
    } finally {
      await app.close();
    }
  });

  test('no API key → exit 4 before anything starts', async () => {
    t = createTestCtx({ noKey: true });
    expect(await t.run(['webhook', 'listen'])).toBe(4);
  });

  test('an unknown --events type → exit 2', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'listen', '--events', 'whatsapp.nope'])).toBe(2);
    expect(t.stderr()).toContain('unknown event type "whatsapp.nope"');
  });
});
