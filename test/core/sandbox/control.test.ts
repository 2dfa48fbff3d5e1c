// Control routes: simulated Embedded Signup and state patches. The fake Facebook SDK and its dialog
// are in fb.test.ts.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../../src/core/sandbox/index.js';
import { SEED } from '../../../src/core/sandbox/index.js';
import { call, closeAll, expectError, sandbox } from '../../helpers/sandbox.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(closeAll);

test('POST /_sandbox/signup creates an APPROVED, paid WABA, a PENDING number and hello_world', async () => {
  const r = (await call(sb, 'POST', '/_sandbox/signup')).body;
  expect(r.waba_id).toMatch(/^\d{15}$/);
  expect(r.phone_number_id).toMatch(/^\d{16}$/);
  expect(r.business_id).toMatch(/^\d+$/);
  expect(r.code).toMatch(/^sbx_code_/);
  const waba = (await call(sb, 'GET', `/v2/whatsapp/businessAccounts/${r.waba_id}`)).body;
  expect(waba).toMatchObject({ accountReviewStatus: 'APPROVED', paymentMethodAttached: true });
  const phones = (await call(sb, 'GET', `/v2/whatsapp/phoneNumbers?filter.wabaId=${r.waba_id}`)).body.items;
  expect(phones).toMatchObject([{ id: r.phone_number_id, phoneNumber: r.phone_number, status: 'PENDING' }]);
  const tpls = (await call(sb, 'GET', `/v2/whatsapp/templates?filter.wabaId=${r.waba_id}`)).body.items;
  expect(tpls.map((t: { name: string }) => t.name)).toEqual(['hello_world']);
  const unpaid = (await call(sb, 'POST', '/_sandbox/signup', { body: { paymentMethodAttached: false, featureType: 'only_waba_sharing' } })).body;
  expect(unpaid).not.toHaveProperty('phone_number_id');
  expect((await call(sb, 'GET', `/v2/whatsapp/businessAccounts/${unpaid.waba_id}`)).body.paymentMethodAttached).toBe(false);
  await expectError(call(sb, 'POST', '/_sandbox/signup', { body: { featureType: 'x' } }), 400, 'PARAM_INVALID', 'featureType');
});

test('PATCH control routes change a number or a WABA for other tests', async () => {
  const n = (await call(sb, 'PATCH', `/_sandbox/phoneNumbers/${SEED.pending.id}`, { body: { status: 'DISCONNECTED' } })).body;
  expect(n.status).toBe('DISCONNECTED');
  await expectError(call(sb, 'PATCH', `/_sandbox/phoneNumbers/${SEED.pending.id}`, { body: { status: 'WHATEVER' } }), 400, 'PARAM_INVALID', 'status');
  const w = (await call(sb, 'PATCH', `/_sandbox/businessAccounts/${SEED.wabaId}`, { body: { paymentMethodAttached: false } })).body;
  expect(w.paymentMethodAttached).toBe(false);
  await expectError(call(sb, 'PATCH', '/_sandbox/businessAccounts/1', { body: {} }), 404, 'NOT_FOUND');
  await expectError(call(sb, 'GET', '/_sandbox/nope'), 404, 'NOT_FOUND');
  const pre = await call(sb, 'OPTIONS', '/_sandbox/signup');
  expect(pre.status).toBe(204);
  expect(pre.headers['access-control-allow-origin']).toBe('*');
});
