import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPage, aWaba, WABA_ID } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp waba list', () => {
  test('not a TTY: tab-separated rows, no header; --status is sent upper-cased as the review filter', async () => {
    t = createTestCtx();
    const pending = aWaba({ id: '204996844321234', name: 'Other Co', accountReviewStatus: 'PENDING', paymentMethodAttached: false, businessName: 'Other Ltd' });
    t.api.on('GET', '/whatsapp/businessAccounts?filter.accountReviewStatus=PENDING&page=1&limit=100').reply(200, aPage([pending]));
    expect(await t.run(['waba', 'list', '--status', 'pending'])).toBe(0);
    expect(t.stdout()).toBe('204996844321234\tOther Co\tPENDING\tfalse\tOther Ltd\n');
    expect(t.stderr()).toBe('');
  });

  test('--json prints the WABAs as one array', async () => {
    t = createTestCtx();
    t.api.on('GET', '/whatsapp/businessAccounts?page=1&limit=100').reply(200, aPage([aWaba()]));
    expect(await t.run(['wabas', 'list', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual([aWaba()]);
    expect(JSON.parse(t.stdout())[0].id).toBe(WABA_ID);
  });

  test('--status without a value is exit 2 and sends nothing', async () => {
    t = createTestCtx();
    expect(await t.run(['waba', 'list', '--status'])).toBe(2);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toContain("option '--status <status>' argument missing");
    expect(t.api.requests).toEqual([]);
  });

  // issue 14, tried: `waba list --status BOGUS` went to the API (exit 1) while `phone list --status` was checked here.
  test('--status BOGUS is exit 2 with the choices, and nothing is sent (one enum table for every flag)', async () => {
    t = createTestCtx();
    expect(await t.run(['waba', 'list', '--status', 'BOGUS'])).toBe(2);
    expect(t.stderr()).toBe(
      "error: option '--status <status>' argument 'BOGUS' is invalid. Allowed choices are PENDING, APPROVED, REJECTED.\n(run with --help for usage)\n",
    );
    expect(t.api.requests).toEqual([]);
    t.verify();
    t.dispose();
    t = createTestCtx();
    expect(await t.run(['phone', 'list', '--status', 'BOGUS'])).toBe(2);
    expect(t.stderr()).toContain("Allowed choices are PENDING, UNVERIFIED, MANUAL_REVIEW, DISCONNECTED, CONNECTED,");
    expect(t.api.requests).toEqual([]);
  });
});
