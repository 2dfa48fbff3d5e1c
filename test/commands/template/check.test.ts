import { afterEach, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { WABA_ID, aPage, aTemplate } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});
const LIST = `/whatsapp/templates?filter.wabaId=${WABA_ID}&page=1&limit=100`;
const all = [
  aTemplate(),
  aTemplate({ language: 'zh_CN' }),
  aTemplate({ name: 'promo_blast', language: 'en', status: 'REJECTED', reason: 'INVALID_FORMAT', category: 'MARKETING' }),
  aTemplate({ name: 'spring_sale', language: 'en', status: 'PENDING', category: 'MARKETING' }),
];

test('exit 0 when every named template is APPROVED, in every language', async () => {
  t = createTestCtx();
  t.api.on('GET', LIST).reply(200, aPage(all));
  expect(await t.run(['template', 'check', '--waba', WABA_ID, 'order_update'])).toBe(0);
  expect(t.stderr()).toBe('all 2 template(s) APPROVED\n');
  expect(t.stdout()).toBe('order_update\ten_US\tAPPROVED\tUTILITY\t\norder_update\tzh_CN\tAPPROVED\tUTILITY\t\n');
});

test('exit 3 listing the ones that are not, with Meta\'s rejection reason; a missing name is NOT_FOUND', async () => {
  t = createTestCtx();
  t.api.on('GET', LIST).reply(200, aPage(all));
  expect(await t.run(['template', 'check', '--waba', WABA_ID])).toBe(3);
  expect(t.stdout()).toBe('promo_blast\ten\tREJECTED\tMARKETING\tINVALID_FORMAT\nspring_sale\ten\tPENDING\tMARKETING\t\n');
  expect(t.stderr()).toContain('error: 2 of 4 template(s) are not APPROVED\n');
  t.verify();
  t.dispose();
  t = createTestCtx();
  t.api.on('GET', LIST).reply(200, aPage(all));
  expect(await t.run(['template', 'check', '--waba', WABA_ID, 'order_update', 'welcome', '--json'])).toBe(3);
  const doc = JSON.parse(t.stdout());
  expect(doc.error.details.offenders).toEqual([{ name: 'welcome', language: '', status: 'NOT_FOUND', ok: false }]);
});

test('--waba is required and must be digits; --expect must be a status (exit 2, nothing sent)', async () => {
  for (const argv of [['template', 'check'], ['template', 'check', '--waba', 'x'], ['template', 'check', '--waba', WABA_ID, '--expect', 'OK']]) {
    t = createTestCtx();
    expect(await t.run(argv)).toBe(2);
    expect(t.api.requests).toEqual([]);
    t.verify();
    t.dispose();
  }
  t = createTestCtx();
});
