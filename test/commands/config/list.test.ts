import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { reuse } from '../../helpers/config.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp config list', () => {
  test('set validates and stores; get reads back; list shows sources with the key masked', async () => {
    t = createTestCtx({ env: { YCP_CONFIG_ID: '777' } });
    expect(await t.run(['config', 'set', 'app-id', '1234567890'])).toBe(0);
    t = reuse(t, { YCP_CONFIG_ID: '777' });
    expect(await t.run(['config', 'get', 'appId'])).toBe(0);
    expect(t.stdout()).toBe('1234567890\n');
    t = reuse(t, { YCP_CONFIG_ID: '777' });
    expect(await t.run(['config', 'list'])).toBe(0);
    expect(t.stdout()).toBe(
      [
        'api-key\ttes…a64\tenv (YCLOUD_API_KEY)',
        'base-url\thttps://api.ycloud.com/v2\tdefault',
        'app-id\t1234567890\tprofile',
        'config-id\t777\tenv (YCP_CONFIG_ID)',
        'solution-id\t\tunset',
        'graph-version\tv25.0\tdefault',
        'es-version\tv4\tdefault',
        'lang\ten\tdefault',
        'timeout\t60s\tdefault',
        '',
      ].join('\n'),
    );
  });
});
