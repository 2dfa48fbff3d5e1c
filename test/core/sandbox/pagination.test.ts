// CONTRACT §3: page 1..100, limit 1..100 (default 10), includeTotal; `{offset, limit, length, total?, items}`.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../../src/core/sandbox/index.js';
import { SEED } from '../../../src/core/sandbox/index.js';
import { createYcloudApi } from '../../../src/core/api/client.js';
import { systemClock } from '../../../src/core/clock.js';
import { nodeTransport } from '../../../src/core/api/transport-node.js';
import { call, closeAll, expectError, sandbox } from '../../helpers/sandbox.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await sandbox({ seed: 'large' });
});
afterAll(closeAll);

const P = `/v2/whatsapp/phoneNumbers?filter.wabaId=${SEED.wabaId}`;

test('defaults: page 1, limit 10, no total', async () => {
  const a = await call(sb, 'GET', P);
  expect(a.body).toMatchObject({ offset: 0, limit: 10, length: 10 });
  expect(a.body).not.toHaveProperty('total');
});

test('page and limit select a slice; the last page is short; includeTotal adds total', async () => {
  const p3 = await call(sb, 'GET', `${P}&page=3&limit=100&includeTotal=true`);
  expect(p3.body).toMatchObject({ offset: 200, limit: 100, length: 53, total: 253 });
  const p2 = await call(sb, 'GET', `${P}&page=2&limit=7`);
  expect(p2.body.offset).toBe(7);
  expect(p2.body.items[0].id).toBe((await call(sb, 'GET', `${P}&page=1&limit=8`)).body.items[7].id);
  const past = await call(sb, 'GET', `${P}&page=100&limit=100&includeTotal=false`);
  expect(past.body).toMatchObject({ offset: 9900, length: 0, items: [] });
});

test.each([
  ['page=0', 'page'], ['page=101', 'page'], ['page=x', 'page'], ['page=1.5', 'page'], ['page=-1', 'page'],
  ['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=', 'limit'],
  ['includeTotal=yes', 'includeTotal'],
])('%s → 400 PARAM_INVALID naming %s', async (q, target) => {
  await expectError(call(sb, 'GET', `/v2/whatsapp/templates?${q}`), 400, 'PARAM_INVALID', target);
});

test('the real API client walks every page of every list route', async () => {
  const api = createYcloudApi({ baseUrl: sb.baseUrl, apiKey: sb.apiKey, transport: nodeTransport(), clock: systemClock, signal: new AbortController().signal, userAgent: 'test' });
  expect(await api.listPhoneNumbers({ wabaId: SEED.wabaId })).toHaveLength(253);
  expect(await api.listPhoneNumbers()).toHaveLength(254);
  expect(await api.listTemplates({ wabaId: SEED.wabaId })).toHaveLength(126);
  expect(await api.listWabas()).toHaveLength(2);
});
