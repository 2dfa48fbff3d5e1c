// The sandbox's unsubscriber routes: the spec's one cursor-paged list, and bodies checked against the contract.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Sandbox } from '../../../src/core/sandbox/index.js';
import { call, closeAll, expectError, sandbox } from '../../helpers/sandbox.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await sandbox({ seed: 'default' });
});
beforeEach(() => fetch(`${sb.origin}/_sandbox/reset`, { method: 'POST' }));
afterAll(closeAll);

test('cursor paging: cursor.after while more follow, pageAfter continues, the last page has no cursor', async () => {
  const p1 = await call(sb, 'GET', '/v2/unsubscribers?limit=2');
  expect(p1.body).toMatchObject({ offset: 0, limit: 2, length: 2, cursor: { after: 'id:+15550007001:whatsapp' } });
  const p2 = await call(sb, 'GET', `/v2/unsubscribers?limit=2&pageAfter=${encodeURIComponent(p1.body.cursor.after)}`);
  expect(p2.body).toMatchObject({ offset: 2, length: 1, items: [{ customer: '+15550007002', regionCode: 'GB' }] });
  expect(p2.body).not.toHaveProperty('cursor');
  await expectError(call(sb, 'GET', '/v2/unsubscribers?pageAfter=id:nope'), 400, 'PARAM_INVALID', 'pageAfter');
  expect((await call(sb, 'GET', '/v2/unsubscribers?filter.regionCode=GB')).body.items).toHaveLength(1);
});

test('create checks the body against UnsubscriberCreateRequest; a pair exists once; delete and retrieve', async () => {
  await expectError(call(sb, 'POST', '/v2/unsubscribers', { body: { customer: '+15550001234', channel: 'whatsapp' } }), 400, 'PARAM_MISSING', 'type');
  await expectError(call(sb, 'POST', '/v2/unsubscribers', { body: { customer: '+15550001234', channel: 'sms', type: 'PHONE_NUMBER' } }), 400, 'PARAM_INVALID', 'channel');
  const made = await call(sb, 'POST', '/v2/unsubscribers', { body: { customer: '+15550001234', channel: 'whatsapp', type: 'PHONE_NUMBER', regionCode: 'US' } });
  expect(made.body).toMatchObject({ customer: '+15550001234', source: 'API' });
  await expectError(call(sb, 'POST', '/v2/unsubscribers', { body: { customer: '+15550001234', channel: 'whatsapp', type: 'PHONE_NUMBER' } }), 409, 'ALREADY_EXISTS');
  expect((await call(sb, 'GET', '/v2/unsubscribers/%2B15550001234')).body).toHaveLength(1);
  expect((await call(sb, 'GET', '/v2/unsubscribers/%2B15550001234/whatsapp')).body.customer).toBe('+15550001234');
  expect((await call(sb, 'DELETE', '/v2/unsubscribers/%2B15550001234/whatsapp')).status).toBe(200);
  await expectError(call(sb, 'GET', '/v2/unsubscribers/%2B15550001234/whatsapp'), 404, 'NOT_FOUND');
});
