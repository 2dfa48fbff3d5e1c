// The bundled dist/ binary, spawned for real: exit codes, the stdout/stderr split, and no key in output.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin, startBin } from '../helpers/run-bin.js';
import { startFakeYcloud, type FakeYcloud } from '../helpers/fake-ycloud.js';
import { aPage, aPhoneNumber, aWaba, anError, E164, PHONE_ID, WABA_ID } from '../helpers/builders.js';
import { expectNoSecrets } from '../helpers/test-ctx.js';

const KEY = 'e2e-key-5b8f0c2d7e9a1b3c';
let api: FakeYcloud;

beforeAll(async () => {
  api = await startFakeYcloud(
    {
      [`GET /whatsapp/businessAccounts/${WABA_ID}`]: [
        () => ({ status: 429, body: anError(429, 'TOO_MANY_REQUESTS'), headers: { 'retry-after': '0' } }),
        () => ({ status: 200, body: aWaba() }),
      ],
      'GET /whatsapp/businessAccounts/999': () => ({ status: 404, body: anError(404, 'NOT_FOUND', 'waba not found') }),
      'GET /whatsapp/phoneNumbers': () => ({ status: 200, body: aPage([aPhoneNumber(), aPhoneNumber({ id: '2234567890123456', phoneNumber: '+15550003333', status: 'BANNED' })]) }),
      [`GET /whatsapp/phoneNumbers/${WABA_ID}/+15550001111`]: () => ({ status: 200, body: aPhoneNumber() }),
      'GET /balance': () => ({ status: 200, body: { amount: 3, currency: 'USD' } }),
      'GET /whatsapp/businessAccounts/500': () => 'drop',
      [`GET /whatsapp/phoneNumbers/${WABA_ID}/+15550002222`]: () => ({ status: 200, body: aPhoneNumber({ phoneNumber: '+15550002222', status: 'PENDING' }) }),
    },
    KEY,
  );
});
afterAll(() => api.close());

const env = () => ({ YCLOUD_BASE_URL: api.baseUrl, YCLOUD_API_KEY: KEY });

describe('the built ycp binary', () => {
  test('--version and --help exit 0 on stdout', async () => {
    const v = await runBin(['--version']);
    expect(v).toMatchObject({ code: 0, stderr: '' });
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const h = await runBin(['phone', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('register <wabaId> <phone>');
  });

  test('waba get retries a 429 and prints the result on stdout only', async () => {
    const r = await runBin(['waba', 'get', WABA_ID, '--json'], { env: env() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(aWaba());
    expect(r.stderr).toBe('');
    expect(api.requests.filter((q) => q.path === `/whatsapp/businessAccounts/${WABA_ID}`)).toHaveLength(2);
    expect(api.requests.every((q) => q.apiKey === KEY)).toBe(true);
  });

  test('phone get by ID resolves through the list; the E.164 path segment is encoded', async () => {
    const r = await runBin(['phone', 'get', WABA_ID, PHONE_ID], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`number\t${E164}`);
  });

  test('phone check is a CI gate: exit 3 listing the BANNED number', async () => {
    const r = await runBin(['phone', 'check'], { env: { ...env(), CI: 'true' } });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('+15550003333\t2234567890123456\t104996844321234\tBANNED\n');
    expect(r.stderr).toContain('1 of 2 numbers are not CONNECTED');
  });

  test('404 → exit 1 with code and request id', async () => {
    const r = await runBin(['waba', 'get', '999'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('code: NOT_FOUND   request id: req_1KjtKI80IKoaJNa6n6p');
  });

  test('wrong key → exit 4', async () => {
    const r = await runBin(['waba', 'list'], { env: { ...env(), YCLOUD_API_KEY: 'wrong-key-000000000' } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('YCloud rejected the API key');
  });

  test('no key → exit 4 with the hint', async () => {
    const r = await runBin(['waba', 'list'], { env: { YCLOUD_BASE_URL: api.baseUrl } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('ycp login');
    expect(r.stderr).toContain('YCLOUD_API_KEY');
  });

  test('connection refused → exit 1 naming the base URL', async () => {
    const r = await runBin(['waba', 'list'], { env: { ...env(), YCLOUD_BASE_URL: 'http://127.0.0.1:9/v2' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('could not reach YCloud at http://127.0.0.1:9/v2');
  });

  test('login --with-key stores a verified key and nothing prints it', async () => {
    const dir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'ycp-e2e-login-'));
    const login = await runBin(['login', '--with-key', '--verbose'], { env: { YCLOUD_BASE_URL: api.baseUrl, YCP_CONFIG_DIR: dir }, input: KEY + '\n' });
    expect(login.code).toBe(0);
    const status = await runBin(['auth', 'status'], { env: { YCLOUD_BASE_URL: api.baseUrl, YCP_CONFIG_DIR: dir } });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('source\tprofile');
    expectNoSecrets(login.stdout + login.stderr + status.stdout + status.stderr, [KEY]);
  });

  test('Ctrl-C during phone wait: exit 130, "cancelled", no stack trace', async () => {
    const p = startBin(['phone', 'wait', WABA_ID, '+15550002222', '--json', '--interval', '100ms'], { env: env() });
    await p.until((x) => x.stdout.includes('"event":"poll"'), 'the first poll');
    p.child.kill('SIGINT');
    expect((await p.exited).code).toBe(130);
    expect(p.stderr).toBe('');
    expect(p.stdout).not.toMatch(/\n\s+at /);
    const last = JSON.parse(p.stdout.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ error: { kind: 'cancelled' } });
  });

  test('unknown command → exit 2 with a suggestion', async () => {
    const r = await runBin(['wabba']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean waba?');
  });
});
