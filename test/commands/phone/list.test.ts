import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPage, aPhoneNumber, WABA_ID } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const LIST = `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`;

describe('ycp phone list', () => {
  const numbers = [
    aPhoneNumber(),
    aPhoneNumber({ id: '2234567890123456', phoneNumber: '+15550003333', status: 'PENDING', verifiedName: 'Other' }),
  ];

  test('TTY: aligned table with header', async () => {
    t = createTestCtx({ stdoutTTY: true });
    t.api.on('GET', '/whatsapp/phoneNumbers?page=1&limit=100').reply(200, aPage(numbers));
    expect(await t.run(['phone', 'list'])).toBe(0);
    expect(t.stdout()).toBe(
      'ID                NUMBER        STATUS     WABA             NAME              QUALITY\n' +
        "1234567890123456  +15550001111  CONNECTED  104996844321234  John's Cake Shop  GREEN\n" +
        '2234567890123456  +15550003333  PENDING    104996844321234  Other             GREEN\n',
    );
  });

  test('not a TTY: tab-separated rows, no header; --status filters on the client', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage(numbers));
    expect(await t.run(['phones', 'list', '--waba', WABA_ID, '--status', 'PENDING'])).toBe(0);
    expect(t.stdout()).toBe('2234567890123456\t+15550003333\tPENDING\t104996844321234\tOther\tGREEN\n');
  });

  test('a bad --status is exit 2 with the choices', async () => {
    t = createTestCtx();
    expect(await t.run(['phone', 'list', '--status', 'ONLINE'])).toBe(2);
    expect(t.stderr()).toContain('Allowed choices are PENDING');
  });
});
