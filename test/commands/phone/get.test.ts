import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPage, aPhoneNumber, E164, PHONE_ID, WABA_ID } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const LIST = `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`;
const GET = `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`;

describe('ycp phone get', () => {
  test('by E.164', async () => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber());
    expect(await t.run(['phone', 'get', WABA_ID, E164, '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toMatchObject({ id: PHONE_ID, status: 'CONNECTED' });
  });

  test('by ID resolves through the list', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage([aPhoneNumber()]));
    expect(await t.run(['phone', 'get', WABA_ID, PHONE_ID])).toBe(0);
    expect(t.stdout()).toContain(`id\t${PHONE_ID}`);
  });

  test('an unknown ID is exit 1 naming the list command', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage([]));
    expect(await t.run(['phone', 'get', WABA_ID, '999999999999999'])).toBe(1);
    expect(t.stderr()).toContain(`no phone number with ID 999999999999999 in WABA ${WABA_ID}`);
    expect(t.stderr()).toContain(`ycp phone list --waba ${WABA_ID}`);
  });

  test('non-numeric WABA → exit 2, no request', async () => {
    t = createTestCtx();
    expect(await t.run(['phone', 'get', 'abc', E164])).toBe(2);
  });

  test('bad E.164 → exit 2, no request', async () => {
    t = createTestCtx();
    expect(await t.run(['phone', 'get', WABA_ID, '+12'])).toBe(2);
    expect(t.stderr()).toContain('E.164');
  });

  // issue 14, tried: `phone get <waba> 15550001111` (no +) became a NOT_FOUND round trip.
  test.each([
    ['15550001111', 'error: "15550001111" looks like a phone number without its +: did you mean +15550001111?'],
    ['4915123456789', 'error: "4915123456789" looks like a phone number without its +: did you mean +4915123456789?'],
    ['12345', 'error: phone must be a phone-number ID (15 or more digits) or an E.164 number (+15550001111), got "12345"'],
  ])('%s is exit 2 before any request', async (phone, said) => {
    t = createTestCtx();
    expect(await t.run(['phone', 'get', WABA_ID, phone])).toBe(2);
    expect(t.stderr()).toContain(`${said}\n`);
    expect(t.stderr()).toContain('hint: write a phone number in E.164 with its +');
    expect(t.api.requests).toEqual([]);
  });

  test('15 digits or more is a phone-number ID (the rule: README "Phone numbers")', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage([aPhoneNumber()]));
    expect(await t.run(['phone', 'get', WABA_ID, PHONE_ID])).toBe(0);
    expect(t.stdout()).toContain(`id\t${PHONE_ID}`);
  });
});
