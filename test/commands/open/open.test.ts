import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp open', () => {
  test('on a terminal outside CI it opens the browser, filled with the saved app ID (and says so on stderr)', async () => {
    t = createTestCtx({ stdoutTTY: true, profile: { appId: '1234567890' } });
    expect(await t.run(['open', 'login-configurations'])).toBe(0);
    expect(t.opened).toEqual(['https://developers.facebook.com/apps/1234567890/business-login/configurations/']);
    expect(t.stderr()).toBe('Opening https://developers.facebook.com/apps/1234567890/business-login/configurations/\n');
    expect(t.stdout()).toBe('');
  });

  test('piped, in CI or with --print it prints the URL and opens nothing; --app-id wins over the profile', async () => {
    for (const [o, argv] of [
      [{}, ['open', 'meta-app', '--app-id', '555']],
      [{ stdoutTTY: true, env: { CI: '1' } }, ['open', 'meta-app', '--app-id', '555']],
      [{ stdoutTTY: true }, ['open', 'meta-app', '--app-id', '555', '--print']],
    ] as const) {
      t = createTestCtx({ ...o, profile: { appId: '1234567890' } });
      expect(await t.run([...argv])).toBe(0);
      expect(t.stdout()).toBe('https://developers.facebook.com/apps/555/dashboard/\n');
      expect(t.opened).toEqual([]);
      t.verify();
      t.dispose();
    }
    t = createTestCtx();
  });

  test('without an app ID a Meta app page falls back to the app list, saying how to set it', async () => {
    t = createTestCtx();
    expect(await t.run(['open', 'app-review'])).toBe(0);
    expect(t.stdout()).toBe('https://developers.facebook.com/apps/\n');
    expect(t.stderr()).toContain('no Meta app ID is set');
  });

  test('an inferred link says where to click; business verification takes --business', async () => {
    t = createTestCtx({ profile: { appId: '1234567890' } });
    expect(await t.run(['open', 'partner-solutions'])).toBe(0);
    expect(t.stderr()).toBe('In the App Dashboard, open WhatsApp > Partner Solutions (Meta publishes no direct link)\n');
    expect(await t.run(['open', 'business-verification', '--business', '2109876543210', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout().slice(t.stdout().indexOf('{')))).toEqual({ target: 'business-verification', url: 'https://business.facebook.com/settings/security?business_id=2109876543210', evidence: 'seen', opened: false });
  });

  test('--list shows every target with its URL and evidence; --json is an array', async () => {
    t = createTestCtx({ profile: { appId: '1234567890' } });
    expect(await t.run(['open', '--list', '--json'])).toBe(0);
    const rows = JSON.parse(t.stdout()) as { target: string; url: string; evidence: string }[];
    expect(rows.map((r) => r.target)).toEqual(expect.arrayContaining(['meta-app', 'partner-solutions', 'login-configurations', 'app-review', 'business-verification', 'ycloud-api-keys', 'ycloud-webhooks', 'ycloud-wabas']));
    expect(rows.find((r) => r.target === 'ycloud-api-keys')).toMatchObject({ url: 'https://www.ycloud.com/console/#/app/developers/apikey', evidence: 'docs' });
    expect(rows.find((r) => r.target === 'meta-app')!.url).toBe('https://developers.facebook.com/apps/1234567890/dashboard/');
  });

  test('an unknown target, no target, or a --business that is not digits: exit 2 with a suggestion', async () => {
    t = createTestCtx();
    expect(await t.run(['open', 'login-config'])).toBe(2);
    expect(t.stderr()).toBe('error: "login-config" is not a target of ycp open\nhint: did you mean login-settings? (ycp open --list shows every target)\n');
    expect(await t.run(['open'])).toBe(2);
    expect(await t.run(['open', 'business-verification', '--business', 'acme'])).toBe(2);
    expect(t.opened).toEqual([]);
  });

  test('in Chinese', async () => {
    t = createTestCtx({ env: { YCP_LANG: 'zh-CN' } });
    expect(await t.run(['open', 'nope'])).toBe(2);
    expect(t.stderr()).toContain('错误：“nope”不是 `ycp open` 的目标');
  });
});
