// The sandbox reviews templates and display names (docs/sandbox.md "Reviews"): decisions after a scaled
// delay, the documented markers for a rejection, a recategorisation and a declined name, and the signed
// webhooks each decision sends.
import { afterEach, expect, test } from 'vitest';
import { SEED } from '../../../src/core/sandbox/index.js';
import { schemaErrors } from '../../helpers/contract.js';
import { call, closeAll, expectError, manualClock, sandbox, startReceiver, type Receiver } from '../../helpers/sandbox.js';

let receivers: Receiver[] = [];
afterEach(async () => {
  await closeAll();
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});

const W = SEED.wabaId;
const template = (name: string, body = 'Hi {{1}}, your order is ready.', category = 'UTILITY') => ({
  wabaId: W, name, language: 'en_US', category, components: [{ type: 'BODY', text: body, example: { body_text: [['Ana']] } }],
});

/** A real clock, 1000× faster (reviews in 3–4 ms), and a receiver verifying every delivery. */
async function setup(events: string[]) {
  const sb = await sandbox({ timeScale: 1_000 });
  const rx = await startReceiver();
  receivers.push(rx);
  const ep = (await call(sb, 'POST', '/v2/webhookEndpoints', { body: { url: rx.url, enabledEvents: events } })).body;
  rx.setSecrets([ep.secret]);
  return { sb, rx };
}

test('the review takes its (scaled) time: PENDING (and not editable) until then', async () => {
  const clock = manualClock();
  const sb = await sandbox({ now: clock.now });
  expect((await call(sb, 'POST', '/v2/whatsapp/templates', { body: template('order_ready') })).body).toMatchObject({ name: 'order_ready', status: 'PENDING' });
  clock.advance(2_999);
  expect((await call(sb, 'GET', `/v2/whatsapp/templates/${W}/order_ready/en_US`)).body.status).toBe('PENDING');
  // In review, a template cannot be edited.
  await expectError(call(sb, 'PATCH', `/v2/whatsapp/templates/${W}/order_ready/en_US`, { body: { components: [{ type: 'BODY', text: 'again' }] } }), 403, 'WHATSAPP_TEMPLATE_UNEDITABLE');
  clock.advance(1);
  expect((await call(sb, 'GET', `/v2/whatsapp/templates/${W}/order_ready/en_US`)).body).toMatchObject({ status: 'APPROVED', qualityRating: 'UNKNOWN' });
});

test('a new template is APPROVED after the review, with a signed whatsapp.template.reviewed', async () => {
  const { sb, rx } = await setup(['whatsapp.template.reviewed']);
  await call(sb, 'POST', '/v2/whatsapp/templates', { body: template('order_ready') });
  const e = await rx.waitFor((x) => x.type === 'whatsapp.template.reviewed', 5_000);
  expect(e.whatsappTemplate).toMatchObject({ name: 'order_ready', status: 'APPROVED', statusUpdateEvent: 'APPROVED' });
  expect(schemaErrors('Event', e)).toEqual([]);
  expect((await call(sb, 'GET', `/v2/whatsapp/templates/${W}/order_ready/en_US`)).body.status).toBe('APPROVED');
});

test('the `reject` marker: REJECTED with a reason; an edit sends it back to review', async () => {
  const { sb, rx } = await setup(['whatsapp.template.reviewed']);
  await call(sb, 'POST', '/v2/whatsapp/templates', { body: template('promo_reject_me') });
  const e = await rx.waitFor((x) => x.type === 'whatsapp.template.reviewed', 5_000);
  expect(e.whatsappTemplate).toMatchObject({ status: 'REJECTED', reason: 'INVALID_FORMAT' });
  const edited = await call(sb, 'PATCH', `/v2/whatsapp/templates/${W}/promo_reject_me/en_US`, { body: { components: [{ type: 'BODY', text: 'Plain text now' }] } });
  expect(edited.body).toMatchObject({ status: 'PENDING' });
  expect(edited.body).not.toHaveProperty('reason');
});

test('a UTILITY template named promo…: approved, then moved to MARKETING with whatsapp.template.category_updated', async () => {
  const { sb, rx } = await setup(['whatsapp.template.reviewed', 'whatsapp.template.category_updated']);
  await call(sb, 'POST', '/v2/whatsapp/templates', { body: template('promo_weekly') });
  await rx.waitFor((x) => x.type === 'whatsapp.template.reviewed', 5_000);
  const e = await rx.waitFor((x) => x.type === 'whatsapp.template.category_updated', 5_000);
  expect(e.whatsappTemplate).toMatchObject({ name: 'promo_weekly', status: 'APPROVED', category: 'MARKETING', previousCategory: 'UTILITY' });
});

test('create checks the body against the contract and Meta\'s name rule; a duplicate is 409; delete by name or language', async () => {
  const sb = await sandbox();
  await expectError(call(sb, 'POST', '/v2/whatsapp/templates', { body: { ...template('x'), category: 'PROMO' } }), 400, 'PARAM_INVALID', 'category');
  await expectError(call(sb, 'POST', '/v2/whatsapp/templates', { body: { ...template('x'), components: [{ type: 'BODY', text: 'y'.repeat(1025) }] } }), 400, 'PARAM_INVALID_LENGTH', 'components[0].text');
  await expectError(call(sb, 'POST', '/v2/whatsapp/templates', { body: { ...template('x'), language: undefined } }), 400, 'PARAM_MISSING', 'language');
  await expectError(call(sb, 'POST', '/v2/whatsapp/templates', { body: template('Bad-Name') }), 400, 'PARAM_INVALID', 'name');
  await expectError(call(sb, 'POST', '/v2/whatsapp/templates', { body: template('order_update') }), 409, 'ALREADY_EXISTS');
  const both = await call(sb, 'DELETE', `/v2/whatsapp/templates/${W}/order_update`);
  expect(both.body.map((t: { language: string }) => t.language).sort()).toEqual(['en_US', 'zh_CN']);
  await expectError(call(sb, 'GET', `/v2/whatsapp/templates/${W}/order_update/en_US`), 404, 'NOT_FOUND');
  expect((await call(sb, 'DELETE', `/v2/whatsapp/templates/${W}/hello_world/en_US`)).body).toMatchObject({ name: 'hello_world', status: 'DELETED' });
});

test('display name: PENDING_REVIEW, then APPROVED (or DECLINED for a name with "WhatsApp"), with whatsapp.phone_number.name_updated', async () => {
  const { sb, rx } = await setup(['whatsapp.phone_number.name_updated']);
  const path = `/v2/whatsapp/phoneNumbers/${W}/%2B15550001111`;
  const asked = await call(sb, 'PATCH', `${path}/displayName`, { body: { newName: 'Acme Bakery Shop' } });
  expect(asked.body).toEqual({ verifiedName: 'Acme Bakery', nameStatus: 'APPROVED', newName: 'Acme Bakery Shop', newNameStatus: 'PENDING_REVIEW' });
  const clock = manualClock();
  const slow = await sandbox({ now: clock.now });
  await call(slow, 'PATCH', `${path}/displayName`, { body: { newName: 'Acme Bakery Shop' } });
  expect((await call(slow, 'GET', `${path}/profile`)).body).toMatchObject({ newName: 'Acme Bakery Shop', newNameStatus: 'PENDING_REVIEW' });
  const e = await rx.waitFor((x) => x.type === 'whatsapp.phone_number.name_updated', 5_000);
  expect(e.whatsappPhoneNumber).toMatchObject({ verifiedName: 'Acme Bakery Shop', nameStatus: 'APPROVED', newNameStatus: 'NONE', decision: 'APPROVED' });
  await call(sb, 'PATCH', `${path}/displayName`, { body: { newName: 'WhatsApp Bakery' } });
  const no = await rx.waitFor((x) => x.type === 'whatsapp.phone_number.name_updated' && (x.whatsappPhoneNumber as { decision: string }).decision === 'REJECTED', 5_000);
  expect(no.whatsappPhoneNumber).toMatchObject({ verifiedName: 'Acme Bakery Shop', newNameStatus: 'DECLINED', requestedVerifiedName: 'WhatsApp Bakery' });
  await expectError(call(sb, 'PATCH', `${path}/displayName`, { body: { newName: 'AB' } }), 400, 'PARAM_INVALID_LENGTH', 'newName');
});

test('profile: PATCH checks the contract (lengths, vertical, at most 2 websites) and the website scheme, and merges', async () => {
  const sb = await sandbox();
  const path = `/v2/whatsapp/phoneNumbers/${W}/%2B15550001111/profile`;
  await expectError(call(sb, 'PATCH', path, { body: { vertical: 'SHOES' } }), 400, 'PARAM_INVALID', 'vertical');
  await expectError(call(sb, 'PATCH', path, { body: { websites: ['https://a.example', 'https://b.example', 'https://c.example'] } }), 400, 'PARAM_INVALID', 'websites');
  await expectError(call(sb, 'PATCH', path, { body: { websites: ['ftp://a.example'] } }), 400, 'PARAM_INVALID', 'websites[0]');
  await expectError(call(sb, 'PATCH', path, { body: { about: 'x'.repeat(140) } }), 400, 'PARAM_INVALID_LENGTH', 'about');
  await call(sb, 'PATCH', path, { body: { about: 'Fresh bread daily', vertical: 'RETAIL' } });
  const p = await call(sb, 'PATCH', path, { body: { email: 'hi@acme.example' } });
  expect(p.body).toMatchObject({ about: 'Fresh bread daily', vertical: 'RETAIL', email: 'hi@acme.example', verifiedName: 'Acme Bakery' });
});
