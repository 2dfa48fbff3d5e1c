import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { anError } from '../../helpers/builders.js';
import { sandboxWorld } from '../../helpers/onboarding-sandbox.js';

let t: TestCtx;
afterEach(() => {
  t?.verify();
  t?.dispose();
});

describe('ycp balance', () => {
  test('amount and currency: fields on a TTY, a tab-separated row when piped, the object under --json', async () => {
    t = createTestCtx({ stdoutTTY: true });
    t.api.on('GET', '/balance').reply(200, { amount: 190.07658, currency: 'USD' });
    expect(await t.run(['balance'])).toBe(0);
    expect(t.stdout()).toBe('amount    190.07658\ncurrency  USD\n');
    t.verify();
    t.dispose();
    t = createTestCtx();
    t.api.on('GET', '/balance').reply(200, { amount: 12.5, currency: 'EUR' }).times(2);
    expect(await t.run(['balance'])).toBe(0);
    expect(await t.run(['balance', '--json'])).toBe(0);
    expect(t.stdout().split('\n')[0]).toBe('12.50\tEUR');
    expect(JSON.parse(t.stdout().slice(t.stdout().indexOf('{')))).toEqual({ amount: 12.5, currency: 'EUR' });
  });

  test('--min: exit 0 at or above it, exit 3 below it (a CI gate)', async () => {
    t = createTestCtx();
    t.api.on('GET', '/balance').reply(200, { amount: 50, currency: 'USD' });
    expect(await t.run(['balance', '--min', '50'])).toBe(0);
    expect(t.stderr()).toBe('balance 50.00 USD (minimum 50.00)\n');
    t.verify();
    t.dispose();
    t = createTestCtx();
    t.api.on('GET', '/balance').reply(200, { amount: 49.99, currency: 'USD' });
    expect(await t.run(['balance', '--min', '50', '--json'])).toBe(3);
    expect(JSON.parse(t.stdout())).toMatchObject({
      error: { kind: 'pending', code: 'BALANCE_BELOW_MIN', message: 'the balance is 49.99 USD, below the minimum 50.00 USD', details: { amount: 49.99, min: 50, ok: false } },
    });
  });

  test('a bad amount is exit 2 and nothing is sent; a bad key is exit 4', async () => {
    for (const v of ['fifty', '-5', '50USD', '1e3', '']) {
      t = createTestCtx();
      expect(await t.run(['balance', '--min', v])).toBe(2);
      expect(t.stderr()).toMatch(/^error: --min must be an amount such as 50 or 12\.5/);
      expect(t.api.requests).toEqual([]);
      t.verify();
      t.dispose();
    }
    t = createTestCtx();
    t.api.on('GET', '/balance').reply(401, anError(401, 'UNAUTHORIZED'));
    expect(await t.run(['balance'])).toBe(4);
  });
});

test('against the sandbox: 100 USD, so --min 1000 is exit 3', async () => {
  const world = await sandboxWorld();
  try {
    const a = world.make();
    expect(await a.run(['balance'])).toBe(0);
    expect(a.stdout()).toBe('100.00\tUSD\n');
    const b = world.make();
    expect(await b.run(['balance', '--min', '1000'])).toBe(3);
  } finally {
    await world.dispose();
  }
  t = undefined as never;
});
