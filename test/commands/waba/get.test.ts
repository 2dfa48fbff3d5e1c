import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aWaba, anError, WABA_ID } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp waba get', () => {
  test('prints the WABA as tab-separated fields when stdout is not a TTY', async () => {
    t = createTestCtx();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    const code = await t.run(['waba', 'get', WABA_ID]);
    expect(code).toBe(0);
    expect(t.stdout()).toBe(
      [
        'payment method attached\ttrue',
        `id\t${WABA_ID}`,
        "name\tJohn's Cake Shop",
        'review status\tAPPROVED',
        'business\tJohn Cakes Ltd (2109876543210)',
        'business verification\tverified',
        'currency\tUSD',
        'country\tUS',
        'timezone\t1',
        '',
      ].join('\n'),
    );
    expect(t.stderr()).toBe('');
  });

  test('warns on stderr when no payment method is attached', async () => {
    t = createTestCtx({ stdoutTTY: true });
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba({ paymentMethodAttached: false }));
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(0);
    expect(t.stdout()).toMatch(/payment method attached\s+NO/);
    expect(t.stderr()).toContain('no payment method is attached');
  });

  test('--json prints the API object', async () => {
    t = createTestCtx();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    expect(await t.run(['waba', 'get', WABA_ID, '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual(aWaba());
  });

  test('404 → exit 1 with YCloud code and request id', async () => {
    t = createTestCtx();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(404, anError(404, 'NOT_FOUND', 'WhatsApp business account not found'));
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe(
      `error: could not get WABA ${WABA_ID}: WhatsApp business account not found\n` +
        'code: NOT_FOUND   request id: req_1KjtKI80IKoaJNa6n6p\n' +
        'hint: check the WABA ID; `ycp waba list` shows the WABAs this key can see\n',
    );
  });

  test('a non-numeric ID is exit 2 and sends nothing', async () => {
    t = createTestCtx();
    expect(await t.run(['waba', 'get', 'abc'])).toBe(2);
    expect(t.stderr()).toContain('WABA ID must be a string of digits, got "abc"');
  });
});
