import { afterEach, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../../helpers/test-ctx.js';
import { E164, PHONE_ID, WABA_ID, aPage, aPhoneNumber } from '../../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});
const PROFILE = { about: 'Fresh bread daily', vertical: 'RETAIL', websites: ['https://acme.example'], verifiedName: 'Acme Bakery', nameStatus: 'APPROVED', newName: 'Acme Bakery Shop', newNameStatus: 'PENDING_REVIEW' };

test('by E.164: the profile with the name and its review status', async () => {
  t = createTestCtx({ stdoutTTY: true });
  t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber());
  t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111/profile`).reply(200, PROFILE);
  expect(await t.run(['phone', 'profile', 'get', WABA_ID, E164])).toBe(0);
  expect(t.stdout()).toBe(
    'verified name          Acme Bakery\nname status            APPROVED\nrequested name         Acme Bakery Shop\nrequested name status  PENDING_REVIEW\n' +
      'about                  Fresh bread daily\nwebsites               https://acme.example\nvertical               RETAIL\n',
  );
});

test('by phone-number ID (looked up first), --json', async () => {
  t = createTestCtx();
  t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, aPage([aPhoneNumber()]));
  t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111/profile`).reply(200, PROFILE);
  expect(await t.run(['phone', 'profile', 'get', WABA_ID, PHONE_ID, '--json'])).toBe(0);
  expect(JSON.parse(t.stdout())).toEqual(PROFILE);
});

test('bad arguments are exit 2 before any request', async () => {
  t = createTestCtx();
  expect(await t.run(['phone', 'profile', 'get', 'acme', E164])).toBe(2);
  expect(await t.run(['phone', 'profile', 'get', WABA_ID, 'not-a-phone'])).toBe(2);
  expect(t.api.requests).toEqual([]);
});
