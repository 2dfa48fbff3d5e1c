import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPage, aPhoneNumber, E164, WABA_ID } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const LIST = `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`;

describe('ycp phone check', () => {
  const numbers = [
    aPhoneNumber(),
    aPhoneNumber({ id: '2234567890123456', phoneNumber: '+15550003333', status: 'DISCONNECTED' }),
  ];

  test('exit 0 when every number is CONNECTED', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage([numbers[0]!]));
    expect(await t.run(['phone', 'check', '--waba', WABA_ID])).toBe(0);
    expect(t.stderr()).toBe('1 number is CONNECTED\n');
  });

  test('exit 3 listing the offenders; --json carries the report', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage(numbers));
    expect(await t.run(['phone', 'check', '--waba', WABA_ID, '--json'])).toBe(3);
    const doc = JSON.parse(t.stdout());
    expect(doc.error).toMatchObject({ kind: 'pending', message: '1 of 2 numbers are not CONNECTED' });
    expect(doc.error.details.offenders).toEqual([
      { phone: '+15550003333', id: '2234567890123456', e164: '+15550003333', wabaId: WABA_ID, status: 'DISCONNECTED', ok: false },
    ]);
  });

  test('named numbers that do not exist are offenders', async () => {
    t = createTestCtx();
    t.api.on('GET', '/whatsapp/phoneNumbers?page=1&limit=100').reply(200, aPage(numbers));
    expect(await t.run(['phone', 'check', E164, '+15550009999'])).toBe(3);
    expect(t.stdout()).toBe('+15550009999\t\t\tNOT_FOUND\n');
  });

  test('thousands of numbers cost one request per 100', async () => {
    t = createTestCtx();
    for (let page = 1; page <= 30; page++) {
      const items = Array.from({ length: 100 }, (_, i) => aPhoneNumber({ id: String(page * 1000 + i), phoneNumber: `+1555${String(page * 1000 + i).padStart(7, '0')}` }));
      t.api.on('GET', `/whatsapp/phoneNumbers?page=${page}&limit=100`).reply(200, aPage(items, { page }));
    }
    t.api.on('GET', '/whatsapp/phoneNumbers?page=31&limit=100').reply(200, aPage([], { page: 31 }));
    expect(await t.run(['phone', 'check'])).toBe(0);
    expect(t.api.requests).toHaveLength(31);
  });
});
