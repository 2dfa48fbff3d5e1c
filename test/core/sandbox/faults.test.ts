// Fault injection per route: 429 with Retry-After, 5xx, latency, dropped connection, malformed JSON,
// each limitable to N hits, and the real API client's reaction to them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { execa } from 'execa';
import { request } from 'undici';
import { afterAll, beforeEach, expect, test } from 'vitest';
import { createYcloudApi } from '../../../src/core/api/client.js';
import { nodeTransport } from '../../../src/core/api/transport-node.js';
import { systemClock } from '../../../src/core/clock.js';
import { YcpError } from '../../../src/core/errors.js';
import { SEED, type Sandbox } from '../../../src/core/sandbox/index.js';
import { call, closeAll, expectError, sandbox } from '../../helpers/sandbox.js';

let sb: Sandbox;
beforeEach(async () => {
  await closeAll();
  sb = await sandbox();
});
afterAll(closeAll);

const fault = (spec: Record<string, unknown>) => call(sb, 'POST', '/_sandbox/faults', { body: spec });
const api = () => createYcloudApi({ baseUrl: sb.baseUrl, apiKey: sb.apiKey, transport: nodeTransport(), clock: systemClock, signal: new AbortController().signal, userAgent: 'test' });

test('rate_limit answers 429 TOO_MANY_REQUESTS with Retry-After, N times, then the route works', async () => {
  const f = (await fault({ kind: 'rate_limit', path: '/v2/balance', times: 2, retryAfter: 3 })).body;
  expect(f).toMatchObject({ kind: 'rate_limit', times: 2, retryAfter: 3 });
  for (let i = 0; i < 2; i++) {
    const a = await expectError(call(sb, 'GET', '/v2/balance'), 429, 'TOO_MANY_REQUESTS');
    expect(a.headers['retry-after']).toBe('3');
  }
  expect((await call(sb, 'GET', '/v2/balance')).status).toBe(200);
  expect((await call(sb, 'GET', '/_sandbox/faults')).body.items).toEqual([]);
});

test('the API client retries a GET after 429 (honouring Retry-After) and succeeds', async () => {
  await fault({ kind: 'rate_limit', path: '/whatsapp/businessAccounts/*', times: 1, retryAfter: 0 });
  const t0 = Date.now();
  expect((await api().getWaba(SEED.wabaId)).id).toBe(SEED.wabaId);
  expect(Date.now() - t0).toBeLessThan(5_000);
});

test('error answers 5xx in YCloud shape; wildcards and methods select the route', async () => {
  await fault({ kind: 'error', status: 500, method: 'POST', path: '/v2/whatsapp/messages*' });
  await expectError(call(sb, 'POST', '/v2/whatsapp/messages', { body: {} }), 500, 'INTERNAL_SERVER_ERROR');
  await expectError(call(sb, 'POST', '/v2/whatsapp/messages/sendDirectly', { body: {} }), 500, 'INTERNAL_SERVER_ERROR');
  expect((await call(sb, 'GET', '/v2/whatsapp/messages/x')).status).toBe(404);
  await call(sb, 'DELETE', '/_sandbox/faults');
  await fault({ kind: 'error', path: '/v2/balance' });
  await expectError(call(sb, 'GET', '/v2/balance'), 503, 'SERVICE_UNAVAILABLE');
});

test('a POST hit by a 5xx is not retried by the client (register and send never are)', async () => {
  await fault({ kind: 'error', path: '/v2/whatsapp/phoneNumbers/*/register', times: 1 });
  const err = await api().registerPhoneNumber(SEED.wabaId, SEED.pending.id).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(YcpError);
  expect((err as YcpError).info.code).toBe('SERVICE_UNAVAILABLE');
  expect(sb.state.phones.find((p) => p.number.id === SEED.pending.id)!.registerAttempts).toEqual([]);
});

test('drop closes the connection without an answer; the client reports a network error after retries', async () => {
  await fault({ kind: 'drop', path: '/v2/balance', times: 1 });
  await expect(request(`${sb.origin}/v2/balance`, { headers: { 'x-api-key': sb.apiKey } })).rejects.toThrow();
  expect((await call(sb, 'GET', '/v2/balance')).status).toBe(200);
  await fault({ kind: 'drop', path: '/v2/balance' });
  const err = await api().balance().catch((e: unknown) => e);
  expect((err as YcpError).kind).toBe('network');
});

test('malformed answers 200 with broken JSON; latency delays the real answer', async () => {
  await fault({ kind: 'malformed', path: '/v2/balance', times: 1 });
  const bad = await request(`${sb.origin}/v2/balance`, { headers: { 'x-api-key': sb.apiKey } });
  expect(bad.statusCode).toBe(200);
  await expect(bad.body.json()).rejects.toThrow();
  await fault({ kind: 'latency', path: '/v2/balance', latencyMs: 150, times: 1 });
  const t0 = Date.now();
  expect((await call(sb, 'GET', '/v2/balance')).status).toBe(200);
  expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
});

test('bad fault specs are 400 naming the field; faults can be removed one by one', async () => {
  await expectError(fault({ path: '/v2/balance' }), 400, 'PARAM_MISSING', 'kind');
  await expectError(fault({ kind: 'explode', path: '/v2/balance' }), 400, 'PARAM_INVALID', 'kind');
  await expectError(fault({ kind: 'error', path: 'balance' }), 400, 'PARAM_INVALID', 'path');
  await expectError(fault({ kind: 'error', path: '/v2/balance', status: 404 }), 400, 'PARAM_INVALID', 'status');
  await expectError(fault({ kind: 'error', path: '/v2/balance', times: 0 }), 400, 'PARAM_INVALID', 'times');
  const f = (await fault({ kind: 'error', path: '/v2/balance' })).body;
  expect((await call(sb, 'DELETE', `/_sandbox/faults/${f.id}`)).status).toBe(200);
  await expectError(call(sb, 'DELETE', `/_sandbox/faults/${f.id}`), 404, 'NOT_FOUND');
  expect((await call(sb, 'GET', '/v2/balance')).status).toBe(200);
});

test('close() during a latency fault leaves nothing that keeps the process alive', { timeout: 30_000 }, async () => {
  // In a child of its own, so no other test's timers count: what still holds the event loop after close()?
  const dir = mkdtempSync(join(tmpdir(), 'ycp-sbx-close-'));
  try {
    await build({ entryPoints: [join(import.meta.dirname, '../../../src/core/sandbox/index.ts')], bundle: true, format: 'esm', platform: 'node', outfile: join(dir, 'sbx.mjs'), logLevel: 'error' });
    const script = `
      import { startSandbox } from ${JSON.stringify(pathToFileURL(join(dir, 'sbx.mjs')).href)};
      const sb = await startSandbox({ port: 0 });
      await fetch(sb.origin + '/_sandbox/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'latency', path: '/v2/balance', latencyMs: 120000 }) });
      const pending = fetch(sb.origin + '/v2/balance', { headers: { 'x-api-key': sb.apiKey } }).catch(() => 'closed');
      // (runs in the child, where the test helpers are not loaded: until() is not available)
      while (sb.faults.list()[0].hits === 0) await new Promise((r) => setTimeout(r, 10));
      await sb.close();
      await pending;
      await new Promise((r) => setImmediate(r));
      console.log(JSON.stringify(process.getActiveResourcesInfo().filter((r) => r === 'Timeout')));
      process.exit(0);`;
    const { stdout } = await execa(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
