// Done when (issue 13): an app verifying with the forwarding secret accepts 100 % of forwarded events
// across two `listen` runs against the sandbox, and rejects others (wrong secret, unsigned). Real time
// throughout: the sandbox signs with Date.now(), so the ctx runs on a real clock.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SEED, startSandbox, type Sandbox } from '../../../src/core/sandbox/index.js';
import { verifySignature } from '../../../src/core/webhook/signature.js';
import { createRealClock } from '../../helpers/fake-clock.js';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { until } from '../../helpers/until.js';
import { postSigned, startFakeApp } from '../../helpers/webhook.js';

let sb: Sandbox;
let configDir: string;
let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, timeScale: 1_000 });
  configDir = mkdtempSync(join(tmpdir(), 'ycp-fwd-'));
});
afterAll(async () => {
  await sb.close();
  await app?.close();
  rmSync(configDir, { recursive: true, force: true });
});

/** The partner's app: verifies YCloud-Signature with the one secret it was configured with. */
async function startApp(secret: string) {
  const a = { secret, accepted: [] as string[], refused: 0 };
  const { url, close } = await startFakeApp((_n, raw, headers) => {
    const header = headers['ycloud-signature'];
    const v = verifySignature({ header: Array.isArray(header) ? header[0] : header, rawBody: raw, secrets: [a.secret], nowSeconds: Math.floor(Date.now() / 1000) });
    if (!v.ok) {
      a.refused++;
      return 400;
    }
    a.accepted.push((JSON.parse(raw.toString()) as { id: string }).id);
    return 204;
  });
  return Object.assign(a, { url, close });
}

function ctx(o: { realClock?: boolean } = {}): TestCtx {
  const t = createTestCtx({ env: { YCP_CONFIG_DIR: configDir, YCLOUD_BASE_URL: sb.baseUrl, YCLOUD_API_KEY: sb.apiKey }, ...(o.realClock ? { clock: createRealClock() } : {}) });
  t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
  return t;
}

const send = (to: string) =>
  fetch(`${sb.baseUrl}/whatsapp/messages`, {
    method: 'POST',
    headers: { 'x-api-key': sb.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ from: SEED.connected.e164, to, type: 'text', text: { body: 'hi' } }),
  }).then((r) => r.json() as Promise<{ id: string }>);

test('the app, configured once with `listen --print-secret`, accepts every forwarded event of two runs', async () => {
  const p = ctx();
  expect(await p.run(['webhook', 'listen', '--print-secret'])).toBe(0);
  const secret = p.stdout().trim();
  expect(secret).toMatch(/^whsec_[0-9a-f]{32}$/);
  expect(p.stderr()).toBe('');
  p.verify();
  p.dispose();
  app = await startApp(secret);

  const endpointSecrets: string[] = [];
  for (const run of [1, 2]) {
    const t = ctx({ realClock: true });
    const done = t.run(['webhook', 'listen', '--forward-to', app.url, '--status-interval', '0']);
    await until(() => /receiving on http/.test(t.stderr()), () => `run ${run} ready:\n${t.stderr()}`);
    // Printed on start, in full, and the same on both runs.
    expect(t.stderr()).toContain(`Forwarding secret (profile "default", the same on every run): ${secret}\n`);
    endpointSecrets.push(sb.state.endpoints.at(-1)!.secret!);
    const before = app.accepted.length;
    for (let i = 0; i < 5; i++) await send(`+1555000${run}${i}00`);
    // 5 messages × sent, delivered, read
    await until(() => app.accepted.length === before + 15, () => `15 events accepted in run ${run} (have ${app.accepted.length - before}):\n${t.stderr()}`);
    t.abort();
    expect(await done).toBe(130);
    expect(t.stderr()).toContain('Stopping: 15 event(s), 0 duplicate(s), 0 rejected, 15 forwarded, 0 forward failure(s)');
    t.verify();
    t.dispose();
  }
  expect(app.accepted).toHaveLength(30);
  expect(new Set(app.accepted).size).toBe(30);
  expect(app.refused).toBe(0);
  // YCloud's endpoint secret was new on each run; the app's never changed.
  expect(endpointSecrets[0]).not.toBe(endpointSecrets[1]);
  expect(endpointSecrets).not.toContain(secret);
  expect(sb.state.deliveries.filter((d) => d.outcome !== 'delivered' && d.outcome !== 'skipped')).toEqual([]);
});

test('the same app refuses an event signed with another secret, and one without a signature', async () => {
  const body = JSON.stringify({ id: 'evt_forged_00001', type: 'whatsapp.message.updated', apiVersion: 'v2', createTime: new Date().toISOString() });
  expect((await postSigned(app.url, body, { secret: 'whsec_00000000000000000000000000000000' })).status).toBe(400);
  expect((await postSigned(app.url, body, { header: '' })).status).toBe(400);
  expect(app.accepted).not.toContain('evt_forged_00001');
  expect(app.refused).toBe(2);
});

test('trigger and replay sign with the same secret when none is given: the app accepts them', async () => {
  const t = ctx({ realClock: true });
  expect(await t.run(['webhook', 'trigger', 'whatsapp.template.reviewed', '--to', app.url])).toBe(0);
  expect(t.stderr()).toBe('signed with the forwarding secret of profile "default" (`ycp webhook listen --print-secret` shows it)\n');
  expect(t.stdout()).toMatch(/^204\twhatsapp\.template\.reviewed\t/);
  t.verify();
  t.dispose();
  const file = join(configDir, 'events.ndjson');
  writeFileSync(file, `${JSON.stringify({ id: 'evt_replayed_0001', type: 'whatsapp.message.updated', apiVersion: 'v2', createTime: new Date().toISOString() })}\n`);
  const r = ctx({ realClock: true });
  expect(await r.run(['webhook', 'replay', '--from', file, '--to', app.url])).toBe(0);
  expect(r.stdout()).toBe('204\twhatsapp.message.updated\tevt_replayed_0001\n');
  expect(app.accepted).toContain('evt_replayed_0001');
  r.verify();
  r.dispose();
});

test('the secret is stored in the profile, masked everywhere it is not printed on purpose', async () => {
  const t = ctx();
  const cfg = await t.ctx.config();
  const secret = cfg.store.profile('default').forwardingSecret as string;
  expect(await t.run(['config', 'list', '--json'])).toBe(0);
  t.ctx.io.stdout.write(`echo ${secret}\n`);
  expect(t.stdout()).not.toContain(secret);
  expect(t.stdout()).toContain('whsec_');
  t.dispose();
});
