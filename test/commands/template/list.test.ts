import { afterEach, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPage, aTemplate, WABA_ID } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

test('filters go to the API as filter.*', async () => {
  t = createTestCtx();
  t.api
    .on('GET', `/whatsapp/templates?filter.wabaId=${WABA_ID}&filter.status=APPROVED&page=1&limit=100`)
    .reply(200, aPage([aTemplate(), aTemplate({ name: 'hello_world', language: 'en' })]));
  expect(await t.run(['template', 'list', '--waba', WABA_ID, '--status', 'approved'])).toBe(0);
  expect(t.stdout()).toBe(`order_update\ten_US\tAPPROVED\tUTILITY\t${WABA_ID}\t\nhello_world\ten\tAPPROVED\tUTILITY\t${WABA_ID}\t\n`);
});

test('--json prints an array', async () => {
  t = createTestCtx();
  t.api.on('GET', '/whatsapp/templates?page=1&limit=100').reply(200, aPage([aTemplate({ status: 'REJECTED', reason: 'INVALID_FORMAT' })]));
  expect(await t.run(['templates', 'list', '--json'])).toBe(0);
  expect(JSON.parse(t.stdout())).toEqual([aTemplate({ status: 'REJECTED', reason: 'INVALID_FORMAT' })]);
});
