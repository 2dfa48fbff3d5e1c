import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { TEST_KEY, createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { WABA_ID, aPage, aTemplate, anEndpoint, anError } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});
const dir = mkdtempSync(join(tmpdir(), 'ycp-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ycp api: one request through the same client as every command', () => {
  test('GET prints the answer as JSON, with the key and User-Agent every command sends', async () => {
    t = createTestCtx();
    t.api.on('GET', '/balance').reply(200, { amount: 12.5, currency: 'USD' });
    expect(await t.run(['api', '/balance'])).toBe(0);
    expect(t.stdout()).toBe('{\n  "amount": 12.5,\n  "currency": "USD"\n}\n');
    expect(t.stderr()).toBe('');
    expect(t.api.requests[0]!.headers).toMatchObject({ 'x-api-key': TEST_KEY, 'user-agent': expect.stringMatching(/^ycp\/\d/) });
  });

  test('a path without its leading slash, or with /v2, means the same operation; -q, ?query and the fields of a GET are the query', async () => {
    t = createTestCtx();
    t.api.on('GET', `/whatsapp/templates?filter.wabaId=${WABA_ID}&filter.status=APPROVED`).reply(200, aPage([aTemplate()])).times(2);
    expect(await t.run(['api', `whatsapp/templates?filter.wabaId=${WABA_ID}`, '-q', 'filter.status=APPROVED', '--json-lines'])).toBe(0);
    expect(await t.run(['api', `/v2/whatsapp/templates`, '-X', 'GET', '-f', `filter.wabaId=${WABA_ID}`, '-q', 'filter.status=APPROVED', '--silent'])).toBe(0);
    expect(JSON.parse(t.stdout())).toMatchObject({ items: [{ name: 'order_update' }] });
  });

  test('an E.164 path segment is sent with its + encoded (CONTRACT §0)', async () => {
    t = createTestCtx();
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111/profile`).reply(200, { about: 'Fresh bread' });
    expect(await t.run(['api', `/whatsapp/phoneNumbers/${WABA_ID}/+15550001111/profile`, '--json-lines'])).toBe(0);
    expect(t.stdout()).toBe('{"about":"Fresh bread"}\n');
  });

  test('-f and -F build the body (POST by default): strings, typed values, nesting, @file', async () => {
    t = createTestCtx();
    const file = join(dir, 'desc.txt');
    writeFileSync(file, 'from a file\n');
    const endpoint = anEndpoint({ url: 'https://example.com/h', enabledEvents: ['whatsapp.message.updated'] });
    t.api.on('POST', '/webhookEndpoints').reply(200, endpoint);
    expect(await t.run(['api', '/webhookEndpoints', '-f', 'url=https://example.com/h', '-f', 'enabledEvents[]=whatsapp.message.updated', '-F', `description=@${file}`, '-F', 'status=active', '--silent'])).toBe(0);
    expect(t.api.requests[0]!.body).toEqual({ url: 'https://example.com/h', enabledEvents: ['whatsapp.message.updated'], description: 'from a file', status: 'active' });
    expect(t.stdout()).toBe('');
  });

  test('the webhook secret in an answer is masked like every secret', async () => {
    t = createTestCtx({ secrets: [anEndpoint().secret!] });
    t.api.on('GET', `/webhookEndpoints/${anEndpoint().id}`).reply(200, anEndpoint());
    expect(await t.run(['api', `/webhookEndpoints/${anEndpoint().id}`])).toBe(0);
    expect(JSON.parse(t.stdout()).secret).toBe('whsec_abc…3f1');
  });

  test('--include shows the status and headers first', async () => {
    t = createTestCtx();
    t.api.on('GET', '/balance').reply(200, { amount: 1, currency: 'EUR' }, { 'ycloud-request-id': 'req_abc' });
    expect(await t.run(['api', '/balance', '-i', '--json-lines'])).toBe(0);
    expect(t.stdout()).toMatch(/^HTTP 200\n(.+\n)*ycloud-request-id: req_abc\n(.+\n)*\n\{"amount":1,"currency":"EUR"\}\n$/);
  });

  test('--input takes the body from a file or stdin; it must be JSON', async () => {
    const file = join(dir, 'body.json');
    writeFileSync(file, JSON.stringify({ status: 'disabled' }));
    t = createTestCtx();
    t.api.on('PATCH', '/webhookEndpoints/wh1').reply(200, anEndpoint({ id: 'wh1', status: 'disabled', secret: undefined }));
    expect(await t.run(['api', '-X', 'patch', '/webhookEndpoints/wh1', '--input', file, '--silent'])).toBe(0);
    expect(t.api.requests[0]!.body).toEqual({ status: 'disabled' });
    t.verify();
    t.dispose();
    t = createTestCtx({ stdin: '{"status":' });
    expect(await t.run(['api', '-X', 'PATCH', '/webhookEndpoints/wh1', '--input', '-'])).toBe(2);
    expect(t.stderr()).toMatch(/^error: --input is not JSON: /);
  });
});

describe('ycp api knows the API: bad input is exit 2 and nothing is sent', () => {
  test.each([
    [['api', '/whatsapp/tempaltes'], 'error: GET /whatsapp/tempaltes is not an operation of the YCloud API\nhint: did you mean /whatsapp/templates (GET, POST)?\n'],
    [['api', '/whatsapp/phoneNumber/1/+15550001111'], 'error: GET /whatsapp/phoneNumber/1/%2B15550001111 is not an operation of the YCloud API\nhint: did you mean /whatsapp/phoneNumbers/{wabaId}/{phoneNumber} (GET)?\n'],
    [['api', '-X', 'DELETE', '/balance'], 'error: /balance does not take DELETE; it takes GET\nhint: pass -X with one of GET\n'],
    [['api', '-X', 'PUT', '/balance'], 'error: -X PUT is not a method of the YCloud API; use GET, POST, PATCH, DELETE\n'],
    [['api', 'https://api.ycloud.com/v2/balance'], 'error: give a path relative to the base URL (https://api.ycloud.com/v2), such as /whatsapp/templates, not a whole URL\n'],
    [['api', '/balance', '-X', 'GET', '-q', 'oops'], 'error: -q takes key=value, got "oops"\n'],
    [['api', '-X', 'POST', '/webhookEndpoints/wh1/rotateSecret', '-f', 'x=1'], 'error: POST /webhookEndpoints/{id}/rotateSecret takes no request body; drop -f/-F/--input, or use -q for query parameters\n'],
    [['api', '/whatsapp/messages/abc', '--paginate'], 'error: --paginate needs a list: GET /whatsapp/messages/{id} does not answer with a page\n'],
    [['api', '/whatsapp/templates', '-X', 'GET', '-f', 'a[b]=1'], 'error: the query parameter a cannot be nested: a GET sends its fields as the query\n'],
  ])('%j', async (argv, stderr) => {
    t = createTestCtx();
    expect(await t.run(argv)).toBe(2);
    expect(t.stderr()).toBe(stderr);
    expect(t.api.requests).toEqual([]);
  });

  test('a body that breaks the operation\'s schema is refused with every reason (in the user\'s language)', async () => {
    t = createTestCtx();
    expect(await t.run(['api', '/webhookEndpoints', '-f', 'url=https://example.com/h', '-F', 'enabledEvents=3', '-f', 'status=paused'])).toBe(2);
    expect(t.stderr()).toBe(
      'error: the body does not fit POST /webhookEndpoints (WebhookEndpointCreateRequest): /status: must be one of active, disabled, pending; /enabledEvents: must be of type array\n' +
        "hint: nothing was sent; fix the fields (the schema is the spec's, in src/core/api/contract)\n",
    );
    t.verify();
    t.dispose();
    t = createTestCtx({ env: { YCP_LANG: 'zh-CN' } });
    expect(await t.run(['api', '/whatsapp/tempaltes'])).toBe(2);
    expect(t.stderr()).toContain('GET /whatsapp/tempaltes 不是 YCloud API 的接口');
    expect(t.api.requests).toEqual([]);
  });

  test('an operation ycp has no schema for is sent, with a one-line note on stderr', async () => {
    t = createTestCtx();
    // Not through t.api: its stubs must fit a schema, and this operation has none (that is the point).
    t.pool.intercept({ path: '/v2/contact/contacts?page=1', method: 'GET' }).reply(200, { offset: 0, limit: 10, length: 0, items: [] });
    expect(await t.run(['api', '/contact/contacts', '-q', 'page=1', '--json-lines'])).toBe(0);
    expect(t.stderr()).toBe('note: ycp has no schema for GET /contact/contacts (contact-list); sent and shown unchecked\n');
    expect(t.stdout()).toBe('{"offset":0,"limit":10,"length":0,"items":[]}\n');
  });
});

describe('ycp api errors and retries: the client\'s rules', () => {
  test('a GET is retried on 503; a POST never is', async () => {
    t = createTestCtx();
    t.api.on('GET', '/balance').reply(503, anError(503, 'SERVICE_UNAVAILABLE'));
    t.api.on('GET', '/balance').reply(200, { amount: 1, currency: 'USD' });
    expect(await t.run(['api', '/balance', '--silent'])).toBe(0);
    t.verify();
    t.dispose();
    t = createTestCtx();
    t.api.on('POST', '/webhookEndpoints/wh1/rotateSecret').reply(503, anError(503, 'SERVICE_UNAVAILABLE'));
    expect(await t.run(['api', '-X', 'POST', '/webhookEndpoints/wh1/rotateSecret'])).toBe(1);
    expect(t.api.requests).toHaveLength(1);
    expect(t.stderr()).toMatch(/code: SERVICE_UNAVAILABLE\s+request id: req_1KjtKI80IKoaJNa6n6p/);
  });

  test('401 is exit 4; --json puts the error on stdout', async () => {
    t = createTestCtx();
    t.api.on('GET', '/balance').reply(401, anError(401, 'UNAUTHORIZED'));
    expect(await t.run(['api', '/balance', '--json'])).toBe(4);
    expect(JSON.parse(t.stdout())).toMatchObject({ error: { kind: 'auth', code: 'UNAUTHORIZED', requestId: 'req_1KjtKI80IKoaJNa6n6p' } });
  });
});

describe('ycp api --paginate', () => {
  test('page/limit: every page merged into one array, or one item per line', async () => {
    const page = (n: number, count: number) => aPage(Array.from({ length: count }, (_, i) => aTemplate({ name: `t_${n}_${i}` })), { page: n });
    for (const argv of [['--paginate'], ['--paginate', '--json-lines']]) {
      t = createTestCtx();
      t.api.on('GET', `/whatsapp/templates?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, page(1, 100));
      t.api.on('GET', `/whatsapp/templates?filter.wabaId=${WABA_ID}&page=2&limit=100`).reply(200, page(2, 3));
      expect(await t.run(['api', '/whatsapp/templates', '-q', `filter.wabaId=${WABA_ID}`, ...argv])).toBe(0);
      const items = argv.includes('--json-lines') ? t.stdout().trim().split('\n').map((l) => JSON.parse(l)) : JSON.parse(t.stdout());
      expect(items).toHaveLength(103);
      expect(items.at(-1).name).toBe('t_2_2');
      t.verify();
      t.dispose();
    }
    t = createTestCtx();
  });

  test('a list that fills page 100 is an error naming it, not a partial array', async () => {
    t = createTestCtx();
    for (let n = 1; n <= 100; n++) t.api.on('GET', `/whatsapp/templates?page=${n}&limit=100`).reply(200, aPage(Array.from({ length: 100 }, () => aTemplate()), { page: n }));
    expect(await t.run(['api', '/whatsapp/templates', '--paginate'])).toBe(1);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toContain('error: GET /whatsapp/templates has 10,000 items or more');
  });
});
