import { afterEach, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { WABA_ID, aTemplate, anError } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

test('one template by name and language: fields on a TTY, the object under --json', async () => {
  t = createTestCtx({ stdoutTTY: true });
  t.api.on('GET', `/whatsapp/templates/${WABA_ID}/promo_blast/en`).reply(200, aTemplate({ name: 'promo_blast', language: 'en', status: 'REJECTED', reason: 'INVALID_FORMAT', category: 'MARKETING' }));
  expect(await t.run(['template', 'get', WABA_ID, 'promo_blast', 'en'])).toBe(0);
  expect(t.stdout()).toBe(
    'name      promo_blast\nlanguage  en\nstatus    REJECTED\ncategory  MARKETING\nreason    INVALID_FORMAT\nwaba      104996844321234\nbody      Your order {{1}} is on its way\n',
  );
  t.verify();
  t.dispose();
  t = createTestCtx();
  t.api.on('GET', `/whatsapp/templates/${WABA_ID}/order_update/zh_CN`).reply(200, aTemplate({ language: 'zh_CN' }));
  expect(await t.run(['template', 'get', WABA_ID, 'order_update', 'zh_CN', '--json'])).toBe(0);
  expect(JSON.parse(t.stdout())).toEqual(aTemplate({ language: 'zh_CN' }));
});

test('not found is exit 1 with YCloud\'s code; a WABA ID that is not digits is exit 2 before any request', async () => {
  t = createTestCtx();
  t.api.on('GET', `/whatsapp/templates/${WABA_ID}/nope/en`).reply(404, anError(404, 'NOT_FOUND'));
  expect(await t.run(['template', 'get', WABA_ID, 'nope', 'en'])).toBe(1);
  expect(t.stderr()).toContain('code: NOT_FOUND');
  t.verify();
  t.dispose();
  t = createTestCtx();
  expect(await t.run(['template', 'get', 'acme', 'nope', 'en'])).toBe(2);
  expect(t.api.requests).toEqual([]);
});
