import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, TEST_KEY, type TestCtx } from '../../helpers/test-ctx.js';
import { VERSION } from '../../../src/version.js';
import { aPage, aPhoneNumber, aWaba, anError, E164, PHONE_ID, WABA_ID } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const WABA_PATH = `/whatsapp/businessAccounts/${WABA_ID}`;

describe('API client', () => {
  test('sends the key, a ycp User-Agent and JSON accept header', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).reply(200, aWaba());
    await (await t.ctx.api()).getWaba(WABA_ID);
    const [req] = t.api.requests;
    expect(req!.headers['x-api-key']).toBe(TEST_KEY);
    expect(req!.headers['user-agent']).toBe(`ycp/${VERSION} node/${process.versions.node}`);
  });

  test('GET retries 429 honouring Retry-After, then succeeds', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).reply(429, anError(429, 'TOO_MANY_REQUESTS'), { 'retry-after': '7' });
    t.api.on('GET', WABA_PATH).reply(200, aWaba());
    expect(await t.run(['waba', 'get', WABA_ID, '--json'])).toBe(0);
    expect(t.clock.sleeps).toEqual([7_000]);
  });

  test('GET gives up after 4 tries on 5xx: exit 1 with the code', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).reply(503, anError(503, 'SERVICE_UNAVAILABLE', 'try later')).times(4);
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t.clock.sleeps).toHaveLength(3);
    expect(t.stderr()).toContain('code: SERVICE_UNAVAILABLE');
  });

  test('connection errors retry for GETs, then name the base URL', async () => {
    t = createTestCtx();
    const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
    for (let i = 0; i < 4; i++) t.api.on('GET', WABA_PATH).replyWithError(refused());
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t.stderr()).toContain('error: could not reach YCloud at https://api.ycloud.com/v2 (ECONNREFUSED)');
    expect(t.stderr()).toContain('YCLOUD_BASE_URL');
  });

  test('register is never retried, even on 503', async () => {
    t = createTestCtx();
    t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, aPage([aPhoneNumber({ status: 'PENDING' })]));
    t.api.on('POST', `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`).reply(503, anError(503, 'SERVICE_UNAVAILABLE'));
    expect(await t.run(['phone', 'register', WABA_ID, PHONE_ID, '--yes'])).toBe(1);
    expect(t.clock.sleeps).toEqual([]);
  });

  test('401 is an auth error: exit 4', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).reply(401, anError(401, 'UNAUTHORIZED', 'Invalid API key'));
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(4);
    expect(t.stderr()).toContain('error: YCloud rejected the API key: Invalid API key');
    expect(t.stderr()).toContain('ycp login');
  });

  test('a malformed JSON body is exit 1, not a crash', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).replyRaw(200, '{"id": "104996', { 'ycloud-request-id': 'req_broken' });
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t.stderr()).toContain('not valid JSON');
    expect(t.stderr()).toContain('request id: req_broken');
    expect(t.stderr()).not.toContain('internal error');
  });

  test('request id comes from the header when the body has none; Meta code is shown', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).reply(
      400,
      { error: { status: 400, code: 'PARAM_INVALID', message: 'bad', whatsappApiError: { code: '131056', message: 'pair rate limit' } } },
      { 'ycloud-request-id': 'req_from_header' },
    );
    expect(await t.run(['waba', 'get', WABA_ID, '--json'])).toBe(1);
    expect(JSON.parse(t.stdout())).toMatchObject({ error: { kind: 'api', code: 'PARAM_INVALID', requestId: 'req_from_header', metaCode: '131056' } });
  });

  test('E.164 path segments are encoded as %2B', async () => {
    t = createTestCtx();
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber());
    expect(await t.run(['phone', 'get', WABA_ID, E164])).toBe(0);
  });

  test('--verbose logs method, path, status, duration and request id, never the key', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).reply(200, aWaba(), { 'ycloud-request-id': 'req_verbose1' });
    expect(await t.run(['waba', 'get', WABA_ID, '--verbose'])).toBe(0);
    expect(t.stderr()).toMatch(new RegExp(`\\[verbose\\] GET ${WABA_PATH} 200 \\d+ms req_verbose1`));
    expect(t.stderr()).not.toContain(TEST_KEY);
  });

  test('pagination walks 100 a page with filter.wabaId', async () => {
    t = createTestCtx();
    const many = Array.from({ length: 100 }, (_, i) => aPhoneNumber({ id: String(1000 + i), phoneNumber: `+1555000${String(1000 + i)}` }));
    t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, aPage(many));
    t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=2&limit=100`).reply(200, aPage([aPhoneNumber()], { page: 2 }));
    expect(await t.run(['phone', 'list', '--waba', WABA_ID, '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toHaveLength(101);
  });

  test('per call: maxTries 1 makes a GET a single probe, and a POST can never get more than one try', async () => {
    t = createTestCtx();
    t.api.on('GET', '/balance').replyWithError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }));
    const api = await t.ctx.api();
    await expect(api.call('GET', '/balance', { maxTries: 1 })).rejects.toMatchObject({ kind: 'network' });
    expect(t.clock.sleeps).toEqual([]);
    t.api.on('POST', `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`).reply(503, anError(503, 'SERVICE_UNAVAILABLE'));
    await expect(api.call('POST', `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`, { maxTries: 9 })).rejects.toMatchObject({ kind: 'api' });
    expect(t.clock.sleeps).toEqual([]);
  });

  test('per call: timeoutMs overrides the client timeout (a server that never answers)', async () => {
    const sockets: Socket[] = [];
    const server = createServer((s) => void sockets.push(s)); // accepts, reads nothing, answers nothing
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      t = createTestCtx({ env: { YCLOUD_BASE_URL: `http://127.0.0.1:${port}/v2` } });
      t.agent.enableNetConnect(`127.0.0.1:${port}`);
      const api = await t.ctx.api();
      const err = await api.call('GET', '/balance', { maxTries: 1, timeoutMs: 50 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'network', message: `could not GET /balance: YCloud at http://127.0.0.1:${port}/v2 did not answer within 50ms` });
      expect(t.clock.sleeps).toEqual([]);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});
