import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp auth status', () => {
  test('shows the masked key, its source and that it works', async () => {
    t = createTestCtx();
    t.api.on('GET', '/balance').reply(200, { amount: 1, currency: 'USD' }, { 'ycloud-request-id': 'req_auth1' });
    expect(await t.run(['auth', 'status', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({
      profile: 'default',
      baseUrl: 'https://api.ycloud.com/v2',
      key: 'tes…a64',
      source: 'YCLOUD_API_KEY',
      valid: true,
      requestId: 'req_auth1',
    });
  });

  test('no key: exit 4 with a hint naming ycp login and YCLOUD_API_KEY', async () => {
    t = createTestCtx({ noKey: true });
    expect(await t.run(['auth', 'status'])).toBe(4);
    expect(t.stderr()).toContain('hint: run `ycp login` or set YCLOUD_API_KEY');
  });

  test('any API command without a key is exit 4 with the same hint', async () => {
    t = createTestCtx({ noKey: true });
    expect(await t.run(['waba', 'list'])).toBe(4);
    expect(t.stderr()).toBe('error: no API key is set\nhint: run `ycp login` (profile "default") or set YCLOUD_API_KEY\n');
  });
});
