// `ycp signup serve --forward-to URL`: each captured result goes on to the partner's backend (a real
// local server on port 0 written here) exactly as the page would post it, the backend's answer is printed,
// and ycp's own check still runs: WABA visible, payment method, number registered once (by the backend:
// ycp never registers in this mode), CONNECTED.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPage, aPhoneNumber, aWaba, E164, PHONE_ID, WABA_ID } from '../../helpers/builders.js';
import { SIGNUP_CODE, aPageDir, startServe } from '../../helpers/signup.js';
import { startFakeApp, type FakeApp } from '../../helpers/webhook.js';

let t: TestCtx;
const apps: FakeApp[] = [];
afterEach(async () => {
  t.verify();
  t.dispose();
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

const PUBLIC = ['--tunnel', 'none', '--public-url', 'https://signup.example.test'];
const records = (dir: string) => readdirSync(join(dir, '.ycp')).map((f) => JSON.parse(readFileSync(join(dir, '.ycp', f), 'utf8')));

/** The partner's backend: records each POST (its raw text) and gives every one the same answer. */
async function backend(answer: { status: number; body: string } | 'silent') {
  const app = await startFakeApp(() => answer);
  apps.push(app);
  return {
    url: app.url,
    get received() {
      return app.received.map((r) => ({ headers: r.headers, raw: r.body.toString() }));
    },
  };
}

function ctx(env: Record<string, string> = {}): TestCtx {
  t = createTestCtx({ secrets: [SIGNUP_CODE], env });
  t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
  return t;
}

describe('ycp signup serve --forward-to', () => {
  test('forwards the body as the page posted it (no state), prints the answer, then checks without registering', async () => {
    const b = await backend({ status: 200, body: '{"ok":true}' });
    ctx();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, aPage([aPhoneNumber({ status: 'PENDING' })]));
    // The backend registered it: YCloud shows it PENDING, then CONNECTED.
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber({ status: 'PENDING' }));
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber({ status: 'CONNECTED' }));
    const dir = await aPageDir();
    const s = await startServe(t, ['--dir', dir, ...PUBLIC, '--forward-to', b.url]);
    expect(t.stderr()).toContain(`Each signup is forwarded to ${b.url} as the page would post it.`);
    const posted = { event: 'FINISH', waba_id: WABA_ID, phone_number_id: PHONE_ID, business_id: '2109876543210', ad_account_ids: ['5550001'], code: SIGNUP_CODE };
    expect((await s.post({ state: await s.token(), ...posted })).status).toBe(202);
    expect(await s.done).toBe(0);

    expect(b.received).toHaveLength(1);
    expect(b.received[0]!.raw).toBe(JSON.stringify(posted)); // byte for byte what the page sent, less its state token
    expect(b.received[0]!.headers.origin).toBe('https://signup.example.test'); // as the browser would send it
    expect(b.received[0]!.headers['content-type']).toBe('application/json');
    const err = t.stderr();
    expect(err).toMatch(new RegExp(`✓ Your backend ${b.url.replace(/[.]/g, '\\.')} answered 200 in \\d+ ms: \\{"ok":true\\}\\n`));
    expect(err).toContain(`Found ${E164} (PENDING); registering it is your backend’s job here (--forward-to): ycp only waits`);
    expect(err).toContain(`✓ ${E164} is CONNECTED`);
    expect(t.api.requests.filter((r) => r.method === 'POST')).toHaveLength(0); // registered once: by the backend
    expect(t.stdout()).toContain('register skipped\tpartner-backend\nbackend status\t200\n');
    expect(records(dir)[0]).toMatchObject({ outcome: 'connected', backend: { url: b.url, status: 200 }, codeReceived: true });
    expect(JSON.stringify(records(dir))).not.toContain(SIGNUP_CODE);
  });

  test('a backend that rejects the result: its status and answer are printed, the run exits 1 (with --no-register, no API call)', async () => {
    const b = await backend({ status: 500, body: `<html>${'oops '.repeat(80)}</html>` });
    ctx();
    const dir = await aPageDir();
    const s = await startServe(t, ['--dir', dir, ...PUBLIC, '--forward-to', b.url, '--no-register']);
    await s.post({ state: await s.token(), event: 'FINISH', waba_id: WABA_ID, phone_number_id: PHONE_ID });
    expect(await s.done).toBe(1);
    const err = t.stderr();
    expect(err).toMatch(/✗ Your backend \S+ answered 500 in \d+ ms: <html>oops oops .{100,}…\n/);
    expect(err).toContain(`error: your backend ${b.url} answered 500 to the signup result\nhint: the page would have shown your customer an error; check the backend log, then try again with \`ycp signup trigger --to ${b.url}\``);
    expect(t.api.requests).toHaveLength(0);
    expect(records(dir)[0]).toMatchObject({ outcome: 'captured', backend: { url: b.url, status: 500 } });
  });

  test('a silent backend ends within the limit; CANCEL is forwarded too (the page posts it)', async () => {
    const b = await backend('silent');
    ctx({ YCP_TIMEOUT: '1s' });
    const dir = await aPageDir();
    const s = await startServe(t, ['--dir', dir, ...PUBLIC, '--forward-to', b.url]);
    const started = Date.now();
    await s.post({ state: await s.token(), event: 'CANCEL', current_step: 'PHONE_NUMBER_SETUP' });
    expect(await s.done).toBe(3); // the CANCEL is the run's outcome; the backend's silence is reported with it
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(JSON.parse(b.received[0]!.raw)).toEqual({ event: 'CANCEL', current_step: 'PHONE_NUMBER_SETUP' });
    expect(records(dir)[0]).toMatchObject({ outcome: 'cancelled', backend: { url: b.url, error: `could not POST the signup result to ${b.url}: no answer within 1 s` } });
  });

  test('the backend never registers: ycp waits, then exit 3 says whose job it was', async () => {
    const b = await backend({ status: 200, body: '' });
    ctx();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, aPage([aPhoneNumber({ status: 'PENDING' })]));
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber({ status: 'PENDING' })).persist();
    const s = await startServe(t, ['--dir', await aPageDir(), ...PUBLIC, '--forward-to', b.url, '--timeout', '20s']);
    await s.post({ state: await s.token(), event: 'FINISH', waba_id: WABA_ID, phone_number_id: PHONE_ID });
    expect(await s.done).toBe(3);
    expect(t.stderr()).toContain(`answered 200 in`);
    expect(t.stderr()).toContain(`hint: your backend should register the number once (POST /whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register)`);
    expect(t.api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  test('--forward-to must be an http(s) URL (exit 2, nothing served)', async () => {
    ctx();
    expect(await t.run(['signup', 'serve', '--dir', await aPageDir(), ...PUBLIC, '--forward-to', 'file:///etc/passwd'])).toBe(2);
    expect(t.stderr()).not.toContain('Serving');
  });
});
