// Walks every route the sandbox serves, success and failure, and validates each body against the spec
// (call() does that for every answer), plus the YCloud-Request-ID header.
import { connect } from 'node:net';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { Sandbox } from '../../../src/core/sandbox/index.js';
import { SEED } from '../../../src/core/sandbox/index.js';
import { call, closeAll, expectError, sandbox, validate } from '../../helpers/sandbox.js';

let sb: Sandbox;
beforeEach(async () => {
  await closeAll();
  sb = await sandbox({ timeScale: 1 });
});
afterAll(closeAll);

const W = SEED.wabaId;
const enc = encodeURIComponent;

describe('auth and unknown routes', () => {
  test('a missing or wrong X-API-Key is 401 UNAUTHORIZED in YCloud shape', async () => {
    await expectError(call(sb, 'GET', '/v2/balance', { key: null }), 401, 'UNAUTHORIZED');
    await expectError(call(sb, 'GET', '/v2/whatsapp/businessAccounts', { key: 'sbx_wrong' }), 401, 'UNAUTHORIZED');
  });
  test('unknown routes and methods answer 404 NOT_FOUND with a request id', async () => {
    await expectError(call(sb, 'GET', '/v2/whatsapp/nope'), 404, 'NOT_FOUND');
    await expectError(call(sb, 'PUT', '/v2/balance'), 404, 'NOT_FOUND');
    const outside = await expectError(call(sb, 'GET', '/api/balance'), 404, 'NOT_FOUND');
    expect(outside.headers['content-type']).toBe('application/json');
  });
  test('a request target that is not a URL is 400 BAD_REQUEST, not a 500', async () => {
    for (const target of ['//[', 'http://[/v2/balance', '//x:99999/v2/balance']) {
      const text = await new Promise<string>((resolve, reject) => {
        const s = connect(sb.port, '127.0.0.1', () => s.end(`GET ${target} HTTP/1.1\r\nHost: x\r\nX-API-Key: ${sb.apiKey}\r\nConnection: close\r\n\r\n`));
        let d = '';
        s.on('data', (c) => (d += c)).on('end', () => resolve(d)).on('error', reject);
      });
      const [head, body] = text.split('\r\n\r\n') as [string, string];
      expect(head, target).toMatch(/^HTTP\/1\.1 (400|404) /);
      expect(head).toMatch(/ycloud-request-id: req_/i);
      validate('GET', '/v2/balance', Number(head.slice(9, 12)), JSON.parse(body));
    }
  });
  test('a body over 1 MiB is 413 CONTENT_TOO_LARGE', async () => {
    await expectError(call(sb, 'POST', '/v2/webhookEndpoints', { raw: `{"url":"${'x'.repeat(1_100_000)}"}` }), 413, 'CONTENT_TOO_LARGE');
  });
});

describe('balance and WABAs', () => {
  test('balance', async () => {
    expect((await call(sb, 'GET', '/v2/balance')).body).toEqual({ amount: 100, currency: 'USD' });
  });
  test('list, filter by review status, retrieve; one WABA has no payment method', async () => {
    const all = await call(sb, 'GET', '/v2/whatsapp/businessAccounts');
    expect(all.body.items.map((w: { paymentMethodAttached: boolean }) => w.paymentMethodAttached)).toEqual([true, false]);
    const pending = await call(sb, 'GET', '/v2/whatsapp/businessAccounts?filter.accountReviewStatus=PENDING');
    expect(pending.body.items.map((w: { id: string }) => w.id)).toEqual([SEED.unpaidWabaId]);
    expect((await call(sb, 'GET', `/v2/whatsapp/businessAccounts/${W}`)).body.id).toBe(W);
    await expectError(call(sb, 'GET', '/v2/whatsapp/businessAccounts/999'), 404, 'NOT_FOUND');
    await expectError(call(sb, 'GET', '/v2/whatsapp/businessAccounts/abc'), 400, 'PARAM_INVALID', 'id');
    await expectError(call(sb, 'GET', '/v2/whatsapp/businessAccounts?filter.accountReviewStatus=MAYBE'), 400, 'PARAM_INVALID', 'filter.accountReviewStatus');
  });
});

describe('phone numbers', () => {
  test('list with filter.wabaId; E.164 is a string, no null enums', async () => {
    const page = await call(sb, 'GET', `/v2/whatsapp/phoneNumbers?filter.wabaId=${W}&includeTotal=true`);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((p: { status: string }) => p.status)).toEqual(['CONNECTED', 'PENDING', 'BANNED']);
    for (const p of page.body.items) expect(typeof p.phoneNumber).toBe('string');
    await expectError(call(sb, 'GET', '/v2/whatsapp/phoneNumbers?filter.wabaId=x1'), 400, 'PARAM_INVALID', 'filter.wabaId');
  });
  test('retrieve by E.164 (%2B in the path); bad E.164 is 400, unknown is 404', async () => {
    const n = await call(sb, 'GET', `/v2/whatsapp/phoneNumbers/${W}/${enc(SEED.connected.e164)}`);
    expect(n.body).toMatchObject({ id: SEED.connected.id, phoneNumber: SEED.connected.e164, status: 'CONNECTED' });
    await expectError(call(sb, 'GET', `/v2/whatsapp/phoneNumbers/${W}/15550001111`), 400, 'PARAM_INVALID', 'phoneNumber');
    await expectError(call(sb, 'GET', `/v2/whatsapp/phoneNumbers/${W}/${enc('+15559999999')}`), 404, 'NOT_FOUND');
    await expectError(call(sb, 'GET', `/v2/whatsapp/phoneNumbers/123/${enc(SEED.connected.e164)}`), 404, 'NOT_FOUND');
  });
  test('register takes the ID; E.164 is 400, BANNED is 403, unknown is 404', async () => {
    const r = await call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${W}/${SEED.pending.id}/register`);
    expect(r.body).toMatchObject({ id: SEED.pending.id, status: 'PENDING' });
    await expectError(call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${W}/${enc(SEED.pending.e164)}/register`), 400, 'PARAM_INVALID', 'phoneNumber');
    await expectError(call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${W}/${SEED.banned.id}/register`), 403, 'WHATSAPP_PHONE_NUMBER_UNAVAILABLE');
    await expectError(call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${W}/999/register`), 404, 'NOT_FOUND');
  });
});

describe('templates', () => {
  test('filters by WABA, comma-separated status, name and language', async () => {
    const ok = await call(sb, 'GET', `/v2/whatsapp/templates?filter.wabaId=${W}&filter.status=APPROVED`);
    expect(ok.body.items.every((t: { status: string }) => t.status === 'APPROVED')).toBe(true);
    const two = await call(sb, 'GET', `/v2/whatsapp/templates?filter.wabaId=${W}&filter.status=PENDING,REJECTED`);
    expect(two.body.items.map((t: { status: string }) => t.status).sort()).toEqual(['PENDING', 'REJECTED']);
    const byName = await call(sb, 'GET', `/v2/whatsapp/templates?filter.name=order_update&filter.language=zh_CN`);
    expect(byName.body.items).toHaveLength(1);
    await expectError(call(sb, 'GET', '/v2/whatsapp/templates?filter.status=APPROVED,NOPE'), 400, 'PARAM_INVALID', 'filter.status');
  });
});

describe('messages', () => {
  const from = SEED.connected.e164;
  const tpl = (name: string, language = 'en_US', params: string[] = []) => ({
    from, to: '+15550002222', type: 'template',
    template: { name, language: { code: language }, ...(params.length ? { components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] } : {}) },
  });
  test('send, sendDirectly and retrieve', async () => {
    const m = await call(sb, 'POST', '/v2/whatsapp/messages', { body: { from, to: '+15550002222', type: 'text', text: { body: 'hi' }, externalId: 'x1' } });
    expect(m.body).toMatchObject({ from, to: '+15550002222', status: 'accepted', externalId: 'x1', wabaId: W });
    const d = await call(sb, 'POST', '/v2/whatsapp/messages/sendDirectly', { body: tpl('order_update', 'en_US', ['Ana', '#42']) });
    expect(d.body).toMatchObject({ status: 'sent', pricingCategory: 'utility' });
    expect(d.body.wamid).toMatch(/^wamid\./);
    expect((await call(sb, 'GET', `/v2/whatsapp/messages/${m.body.id}`)).body.id).toBe(m.body.id);
    await expectError(call(sb, 'GET', '/v2/whatsapp/messages/nope'), 404, 'NOT_FOUND');
  });
  test('request checks name the field', async () => {
    const send = (body: unknown) => call(sb, 'POST', '/v2/whatsapp/messages', { body });
    await expectError(send({ type: 'text', to: '+15550002222', text: { body: 'x' } }), 400, 'PARAM_MISSING', 'from');
    await expectError(send({ from: '15550001111', type: 'text', to: '+15550002222', text: { body: 'x' } }), 400, 'PARAM_INVALID', 'from');
    await expectError(send({ from, to: '+15550002222', type: 'fax' }), 400, 'PARAM_INVALID', 'type');
    await expectError(send({ from, type: 'text', text: { body: 'x' } }), 400, 'PARAM_MISSING', 'to');
    await expectError(send({ from, to: '+1', type: 'text', text: { body: 'x' } }), 400, 'PARAM_INVALID', 'to');
    await expectError(send({ from, to: '+15550002222', type: 'text' }), 400, 'PARAM_MISSING', 'text');
    await expectError(send({ from, to: '+15550002222', type: 'text', text: {} }), 400, 'PARAM_MISSING', 'text.body');
    await expectError(send({ from, to: '+15550002222', type: 'text', text: { body: 'x'.repeat(4097) } }), 400, 'PARAM_INVALID_LENGTH', 'text.body');
    await expectError(send({ from, to: '+15550002222', type: 'template', template: { language: { code: 'en' } } }), 400, 'PARAM_MISSING', 'template.name');
    await expectError(send({ from, to: '+15550002222', type: 'template', template: { name: 'hello_world' } }), 400, 'PARAM_MISSING', 'template.language');
    await expectError(send({ ...tpl('hello_world'), ttlSeconds: 5 }), 400, 'PARAM_INVALID', 'ttlSeconds');
    await expectError(call(sb, 'POST', '/v2/whatsapp/messages', { raw: '{"from":' }), 400, 'BAD_REQUEST');
    await expectError(call(sb, 'POST', '/v2/whatsapp/messages', { raw: '[1]' }), 400, 'BAD_REQUEST');
    await expectError(call(sb, 'POST', '/v2/whatsapp/messages'), 400, 'BAD_REQUEST');
  });
  test('templates must exist, be APPROVED and get all their parameters', async () => {
    const send = (body: unknown) => call(sb, 'POST', '/v2/whatsapp/messages', { body });
    await expectError(send(tpl('no_such_template')), 404, 'NOT_FOUND', 'template.name');
    await expectError(send(tpl('spring_sale', 'en')), 403, 'WHATSAPP_TEMPLATE_UNAVAILABLE');
    await expectError(send(tpl('promo_blast', 'en')), 403, 'WHATSAPP_TEMPLATE_UNAVAILABLE');
    await expectError(send(tpl('old_notice', 'en')), 403, 'WHATSAPP_TEMPLATE_UNAVAILABLE');
    await expectError(send(tpl('order_update', 'en_US', ['only one'])), 400, 'PARAM_INVALID', 'template.components');
    expect((await send(tpl('hello_world'))).status).toBe(200);
  });
  test('the sender must be a CONNECTED number of a WABA with a payment method', async () => {
    const send = (f: string) => call(sb, 'POST', '/v2/whatsapp/messages', { body: { from: f, to: '+15550002222', type: 'text', text: { body: 'x' } } });
    await expectError(send(SEED.pending.e164), 403, 'WHATSAPP_PHONE_NUMBER_UNAVAILABLE', 'from');
    await expectError(send('+15557777777'), 403, 'WHATSAPP_PHONE_NUMBER_UNAVAILABLE', 'from');
    await call(sb, 'PATCH', `/_sandbox/phoneNumbers/${SEED.unpaidPending.id}`, { body: { status: 'CONNECTED' } });
    await expectError(send(SEED.unpaidPending.e164), 403, 'WHATSAPP_WABA_UNAVAILABLE');
  });
  test("sendDirectly to the rate-limited recipient wraps Meta's error", async () => {
    const a = await expectError(
      call(sb, 'POST', '/v2/whatsapp/messages/sendDirectly', { body: { from, to: SEED.rateLimitedRecipient, type: 'text', text: { body: 'x' } } }),
      429,
      'TOO_MANY_REQUESTS',
    );
    expect(a.body.error.whatsappApiError.code).toBe('131056');
  });
});

describe('webhook endpoints', () => {
  const create = (body: unknown) => call(sb, 'POST', '/v2/webhookEndpoints', { body });
  test('create, list, get, update, rotate, delete', async () => {
    const ep = (await create({ url: 'http://127.0.0.1:9/hook', enabledEvents: ['whatsapp.message.updated'], description: 'd' })).body;
    expect(ep).toMatchObject({ status: 'active', url: 'http://127.0.0.1:9/hook', description: 'd' });
    expect(ep.secret).toMatch(/^whsec_[0-9a-f]{32}$/);
    expect(ep.id).toMatch(/^wh[0-9a-f]{24}$/);
    expect((await call(sb, 'GET', '/v2/webhookEndpoints')).body.items).toHaveLength(1);
    expect((await call(sb, 'GET', `/v2/webhookEndpoints/${ep.id}`)).body.id).toBe(ep.id);
    const upd = await call(sb, 'PATCH', `/v2/webhookEndpoints/${ep.id}`, { body: { status: 'disabled', enabledEvents: ['whatsapp.template.reviewed'] } });
    expect(upd.body).toMatchObject({ status: 'disabled', enabledEvents: ['whatsapp.template.reviewed'] });
    const rot = await call(sb, 'POST', `/v2/webhookEndpoints/${ep.id}/rotateSecret`);
    expect(rot.body.secret).not.toBe(ep.secret);
    expect((await call(sb, 'DELETE', `/v2/webhookEndpoints/${ep.id}`)).body.id).toBe(ep.id);
    await expectError(call(sb, 'GET', `/v2/webhookEndpoints/${ep.id}`), 404, 'NOT_FOUND');
    await expectError(call(sb, 'PATCH', `/v2/webhookEndpoints/${ep.id}`, { body: {} }), 404, 'NOT_FOUND');
    await expectError(call(sb, 'DELETE', `/v2/webhookEndpoints/${ep.id}`), 404, 'NOT_FOUND');
    await expectError(call(sb, 'POST', `/v2/webhookEndpoints/${ep.id}/rotateSecret`), 404, 'NOT_FOUND');
  });
  test('request checks name the field', async () => {
    await expectError(create({ enabledEvents: ['whatsapp.message.updated'] }), 400, 'PARAM_MISSING', 'url');
    await expectError(create({ url: 'ftp://x', enabledEvents: ['whatsapp.message.updated'] }), 400, 'PARAM_INVALID', 'url');
    await expectError(create({ url: `https://x.example/${'a'.repeat(500)}`, enabledEvents: ['whatsapp.message.updated'] }), 400, 'PARAM_INVALID_LENGTH', 'url');
    await expectError(create({ url: 'https://x.example' }), 400, 'PARAM_MISSING', 'enabledEvents');
    await expectError(create({ url: 'https://x.example', enabledEvents: ['whatsapp.message.updated', 'nope'] }), 400, 'PARAM_INVALID', 'enabledEvents[1]');
    await expectError(create({ url: 'https://x.example', enabledEvents: ['contact.attributes_changed'] }), 400, 'PARAM_MISSING', 'eventProperties');
    await expectError(create({ url: 'https://x.example', enabledEvents: ['whatsapp.message.updated'], status: 'on' }), 400, 'PARAM_INVALID', 'status');
    await expectError(create({ url: 'https://x.example', enabledEvents: ['whatsapp.message.updated'], description: 'd'.repeat(401) }), 400, 'PARAM_INVALID_LENGTH', 'description');
  });
  test('at most 20 endpoints per account', async () => {
    for (let i = 0; i < 20; i++) expect((await create({ url: `https://x.example/${i}`, enabledEvents: ['whatsapp.message.updated'] })).status).toBe(200);
    await expectError(create({ url: 'https://x.example/21', enabledEvents: ['whatsapp.message.updated'] }), 400, 'BAD_REQUEST');
  });
});
