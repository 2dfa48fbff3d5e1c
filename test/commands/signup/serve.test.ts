// `ycp signup serve` end to end in process: a real local server, spec-checked YCloud stubs, a fake
// clock (404 retries and the CONNECTED wait take no real time), and the code never printed.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPage, aPhoneNumber, aWaba, anError, E164, PHONE_ID, WABA_ID } from '../../helpers/builders.js';
import { SIGNUP_CODE, aPageDir, startServe } from '../../helpers/signup.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const PUBLIC = ['--tunnel', 'none', '--public-url', 'https://signup.example.test'];
const finish = (state: string, over: Record<string, unknown> = {}) => ({ state, event: 'FINISH', code: SIGNUP_CODE, waba_id: WABA_ID, phone_number_id: PHONE_ID, business_id: '2109876543210', ...over });
const records = (dir: string) => readdirSync(join(dir, '.ycp')).map((f) => JSON.parse(readFileSync(join(dir, '.ycp', f), 'utf8')));
const stubNumber = (status: string) => t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, aPage([aPhoneNumber({ status })]));

describe('ycp signup serve: the §16 flow after a captured signup', () => {
  test('WABA 404 then found → register once → PENDING then CONNECTED; record saved; code never shown', async () => {
    t = createTestCtx({ secrets: [SIGNUP_CODE] });
    const dir = await aPageDir();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(404, anError(404, 'NOT_FOUND')).times(2);
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    stubNumber('PENDING');
    t.api.on('POST', `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`).reply(200, aPhoneNumber({ status: 'PENDING' }));
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber({ status: 'PENDING' })).times(2);
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber({ status: 'CONNECTED' }));

    const s = await startServe(t, ['--dir', dir, ...PUBLIC]);
    expect((await s.post(finish(await s.token()))).status).toBe(202);
    expect(await s.done).toBe(0);

    expect(t.stdout()).toContain(`outcome\tconnected\nevent\tFINISH\nwaba\t${WABA_ID}\nphone number id\t${PHONE_ID}\nphone number\t${E164}\nstatus\tCONNECTED\nregistered\ttrue\n`);
    const err = t.stderr();
    expect(err).toContain('Allowed Domains:            signup.example.test');
    expect(err).toContain('Valid OAuth Redirect URIs:  https://signup.example.test/');
    expect(err).toContain(`✓ Captured FINISH: WABA ${WABA_ID}, phone number ID ${PHONE_ID}, business 2109876543210 (with the OAuth code)`);
    expect(err).toContain('is not visible yet (try 2)');
    expect(err).toContain(`Registering ${E164} (once; never retried automatically)`);
    expect(err).toContain(`✓ ${E164} is CONNECTED`);
    expect(t.api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(t.clock.sleeps).toEqual([5000, 5000, 5000, 5000]); // two WABA retries, two status polls

    const [rec] = records(dir);
    expect(rec).toMatchObject({ kind: 'ycp.signup', outcome: 'connected', wabaId: WABA_ID, phoneNumberId: PHONE_ID, e164: E164, status: 'CONNECTED', registered: true, codeReceived: true, paymentMethodAttached: true });
    expect(rec.timings).toEqual({ wabaMs: 10_000, registerMs: 0, waitMs: 10_000, totalMs: 20_000 });
    expect(JSON.stringify(rec)).not.toContain(SIGNUP_CODE);
  });

  test('no payment method attached → exit 3 with a clear message, nothing registered', async () => {
    t = createTestCtx({ secrets: [SIGNUP_CODE] });
    const dir = await aPageDir();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba({ paymentMethodAttached: false }));
    const s = await startServe(t, ['--dir', dir, ...PUBLIC]);
    await s.post(finish(await s.token()));
    expect(await s.done).toBe(3);
    expect(t.stderr()).toContain(`error: WABA ${WABA_ID} has no payment method attached, so its number cannot send yet\ncode: PAYMENT_METHOD_MISSING\nhint: ask YCloud to attach the credit line`);
    expect(t.stdout()).toBe('');
    expect(records(dir)[0]).toMatchObject({ outcome: 'not-ready', error: { kind: 'pending', code: 'PAYMENT_METHOD_MISSING' } });
  });

  test('register fails → exit 1, called exactly once, hint says it was not retried', async () => {
    t = createTestCtx({ secrets: [SIGNUP_CODE] });
    const dir = await aPageDir();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    stubNumber('PENDING');
    t.api.on('POST', `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`).reply(403, anError(403, 'WHATSAPP_PHONE_NUMBER_UNAVAILABLE', 'the phone number is unavailable'));
    const s = await startServe(t, ['--dir', dir, ...PUBLIC]);
    await s.post(finish(await s.token()));
    expect(await s.done).toBe(1);
    expect(t.stderr()).toContain(`error: could not register phone number ${PHONE_ID}: the phone number is unavailable\ncode: WHATSAPP_PHONE_NUMBER_UNAVAILABLE   request id: req_1KjtKI80IKoaJNa6n6p\nhint: register was called once and not retried (10 tries per 72 h)`);
    expect(t.api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  test('the number never connects → exit 3 after --timeout, measured on the fake clock', async () => {
    t = createTestCtx({ secrets: [SIGNUP_CODE] });
    const dir = await aPageDir();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    stubNumber('PENDING');
    t.api.on('POST', `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`).reply(200, aPhoneNumber({ status: 'PENDING' }));
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber({ status: 'PENDING' })).persist();
    const s = await startServe(t, ['--dir', dir, ...PUBLIC, '--timeout', '30s']);
    await s.post(finish(await s.token()));
    expect(await s.done).toBe(3);
    expect(t.stderr()).toContain(`error: ${E164} is still PENDING after 30s (wanted CONNECTED)`);
    expect(t.clock.elapsed()).toBe(30_000);
  });

  test('already CONNECTED → register is not called', async () => {
    t = createTestCtx({ secrets: [SIGNUP_CODE] });
    const dir = await aPageDir();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    stubNumber('CONNECTED');
    const s = await startServe(t, ['--dir', dir, ...PUBLIC]);
    await s.post(finish(await s.token()));
    expect(await s.done).toBe(0);
    expect(t.stdout()).toContain('registered\tfalse\nregister skipped\talready-connected\n');
  });

  test('FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING → never registers, waits for CONNECTED', async () => {
    t = createTestCtx({ secrets: [SIGNUP_CODE] });
    const dir = await aPageDir();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    stubNumber('PENDING');
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber({ status: 'CONNECTED' }));
    const s = await startServe(t, ['--dir', dir, ...PUBLIC]);
    await s.post(finish(await s.token(), { event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING' }));
    expect(await s.done).toBe(0);
    expect(t.stderr()).toContain('WhatsApp Business app number (coexistence): not registering');
    expect(t.stdout()).toContain('register skipped\tbusiness-app-onboarding\n');
    expect(t.api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  test('CANCEL → exit 3 naming the step the person left at', async () => {
    t = createTestCtx();
    const dir = await aPageDir();
    const s = await startServe(t, ['--dir', dir, ...PUBLIC]);
    await s.post({ state: await s.token(), event: 'CANCEL', current_step: 'PHONE_NUMBER_VERIFICATION' });
    expect(await s.done).toBe(3);
    expect(t.stderr()).toContain('✗ Captured the signup was cancelled at step PHONE_NUMBER_VERIFICATION');
    expect(t.stderr()).toContain('error: the signup was cancelled at step PHONE_NUMBER_VERIFICATION\ncode: CANCEL\n');
    expect(records(dir)[0]).toMatchObject({ outcome: 'cancelled', event: 'CANCEL', currentStep: 'PHONE_NUMBER_VERIFICATION', codeReceived: false });
  });

  test('ERROR and the user-reported CANCEL shape are reported with their ids (error_code, or the legacy error_id)', async () => {
    t = createTestCtx();
    const dir = await aPageDir();
    let s = await startServe(t, ['--dir', dir, ...PUBLIC]);
    await s.post({ state: await s.token(), event: 'ERROR', error_message: 'Something went wrong', error_id: '524126', session_id: 'f34b8b2f' });
    expect(await s.done).toBe(3);
    expect(t.stderr()).toContain('error: the signup failed: Something went wrong (error code 524126, session f34b8b2f)');
    t.dispose();
    t = createTestCtx({ env: { YCP_LANG: 'zh-CN' } });
    s = await startServe(t, ['--dir', dir, ...PUBLIC]);
    await s.post({ state: await s.token(), event: 'CANCEL', error_message: 'Something went wrong', error_code: '524126', session_id: 'f34b8b2f', timestamp: '1700000000' });
    expect(await s.done).toBe(3);
    expect(t.stderr()).toContain('错误：注册已取消：Something went wrong（错误代码 524126，会话 f34b8b2f）');
    expect(records(dir).find((r) => r.event === 'CANCEL')).toMatchObject({ outcome: 'cancelled', error: { code: 'CANCEL' } });
  });

  test('--no-register stops after capture and calls no API; --json streams NDJSON without the code', async () => {
    t = createTestCtx({ secrets: [SIGNUP_CODE] });
    const dir = await aPageDir();
    const s = await startServe(t, ['--dir', dir, ...PUBLIC, '--no-register', '--json']);
    await s.post(finish(await s.token(), { event: 'FINISH_ONLY_WABA', phone_number_id: undefined }));
    expect(await s.done).toBe(0);
    const lines = t.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event)).toEqual(['serving', 'captured', 'result']);
    expect(lines[0]).toMatchObject({ provider: 'static', host: 'signup.example.test', ephemeral: false, sandbox: false });
    expect(lines[1]).toMatchObject({ event: 'captured', signupEvent: 'FINISH_ONLY_WABA', wabaId: WABA_ID, codeReceived: true });
    expect(lines[2].record).toMatchObject({ version: 2, outcome: 'captured', event: 'FINISH_ONLY_WABA', sandbox: false, esVersion: 'v4' });
    expect(t.stderr()).toBe('');
    expect(t.api.requests).toHaveLength(0);
  });

  test('a loopback API base URL is the sandbox: no tunnel, the page gets the sandbox origin', async () => {
    t = createTestCtx({ env: { YCLOUD_BASE_URL: 'http://127.0.0.1:4010/v2' } });
    const dir = await aPageDir();
    const s = await startServe(t, ['--dir', dir, '--no-register']);
    expect(t.stderr()).toContain('Sandbox mode: the Facebook steps are simulated');
    expect(t.stderr()).not.toContain('Allowed Domains');
    const page = await s.get('/');
    // The fake SDK's origin, and the developer panel open (?debug=0 shows the customer view).
    expect(page.body).toContain('"sandbox":true,"sandboxOrigin":"http://127.0.0.1:4010","debug":true');
    await s.post(finish(await s.token()));
    expect(await s.done).toBe(0);
  });

  test('--port that is already taken is exit 2 naming the port, and nothing is left running', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    t = createTestCtx();
    const dir = await aPageDir();
    expect(await t.run(['signup', 'serve', '--dir', dir, '--port', String(port), ...PUBLIC, '--no-register'])).toBe(2);
    busy.close();
    expect(t.stderr()).toBe(`error: port ${port} on 127.0.0.1 is already in use\nhint: pick another with --port N, or --port 0 for any free port\n`);
    expect(t.spawned).toEqual([]);
  });

  test('a page scaffolded with sandbox placeholders is refused against the real API (exit 2), served against the sandbox', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ycp-signup-')), 'page');
    t = createTestCtx({ env: { YCLOUD_BASE_URL: 'http://127.0.0.1:4010/v2' } });
    expect(await t.run(['signup', 'scaffold', '--out', dir])).toBe(0);
    t.dispose();
    t = createTestCtx();
    expect(await t.run(['signup', 'serve', '--dir', dir, ...PUBLIC])).toBe(2);
    expect(t.stderr()).toContain(`error: ${join(dir, 'index.html')} was written for the sandbox: appId, configId, solutionId stand in for your Meta IDs`);
    expect(t.stderr()).toContain('hint: write it again with your Meta app’s IDs: ycp signup scaffold');
    t.dispose();
    t = createTestCtx({ env: { YCLOUD_BASE_URL: 'http://127.0.0.1:4010/v2' } });
    const s = await startServe(t, ['--dir', dir, '--no-register']);
    await s.post(finish(await s.token()));
    expect(await s.done).toBe(0);
  });

  test('Ctrl-C while waiting → exit 130 and the server is closed', async () => {
    t = createTestCtx();
    const dir = await aPageDir();
    const s = await startServe(t, ['--dir', dir, ...PUBLIC]);
    t.abort();
    expect(await s.done).toBe(130);
    await expect(s.get('/')).rejects.toThrow(/ECONNREFUSED/);
    expect(existsSync(join(dir, '.ycp'))).toBe(false);
  });

  test('no page in --dir → exit 2 naming scaffold; no API key → exit 4 before serving', async () => {
    t = createTestCtx();
    expect(await t.run(['signup', 'serve', '--dir', '/nonexistent/ycp', ...PUBLIC])).toBe(2);
    expect(t.stderr()).toContain('error: no signup page in /nonexistent/ycp\nhint: write one first: ycp signup scaffold --out /nonexistent/ycp');
    t.dispose();
    t = createTestCtx({ noKey: true });
    expect(await t.run(['signup', 'serve', '--dir', await aPageDir(), ...PUBLIC])).toBe(4);
    expect(t.stderr()).not.toContain('Serving');
  });
});
