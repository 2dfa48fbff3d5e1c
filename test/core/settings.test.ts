import { describe, expect, test } from 'vitest';
import { normalizeLang, profileName, resolveSettings, SETTINGS } from '../../src/core/settings.js';
import { environmentHelp } from '../../src/help/localize.js';

describe('resolveSettings', () => {
  test('flag beats env beats profile beats default, and each value says where it came from', () => {
    const r = resolveSettings({
      flags: { baseUrl: 'http://flag.test/v2/' },
      env: { YCLOUD_BASE_URL: 'http://env.test/v2', YCP_APP_ID: '111', YCLOUD_API_KEY: 'k-env' },
      profile: { appId: '222', configId: '333', apiKey: 'k-profile' },
    });
    expect(r.baseUrl).toEqual({ value: 'http://flag.test/v2', source: 'flag', from: '--base-url' });
    expect(r.appId).toEqual({ value: '111', source: 'env', from: 'YCP_APP_ID' });
    expect(r.configId).toEqual({ value: '333', source: 'profile' });
    expect(r.apiKey).toEqual({ value: 'k-env', source: 'env', from: 'YCLOUD_API_KEY' });
    expect(r.solutionId).toEqual({ value: undefined, source: 'unset' });
    expect(r.graphVersion).toEqual({ value: 'v25.0', source: 'default' });
  });

  test('empty env values do not count as set', () => {
    const r = resolveSettings({ flags: {}, env: { YCLOUD_API_KEY: '  ' }, profile: { apiKey: 'stored' } });
    expect(r.apiKey.source).toBe('profile');
  });

  test('language: YCP_LANG before LANG, zh_* means Chinese', () => {
    expect(resolveSettings({ flags: {}, env: { LANG: 'zh_CN.UTF-8' }, profile: {} }).lang).toEqual({ value: 'zh-CN', source: 'env', from: 'LANG' });
    expect(resolveSettings({ flags: {}, env: { LANG: 'zh_CN.UTF-8', YCP_LANG: 'en' }, profile: {} }).lang.value).toBe('en');
    expect(resolveSettings({ flags: { lang: 'zh-CN' }, env: { YCP_LANG: 'en' }, profile: {} }).lang.value).toBe('zh-CN');
    expect(normalizeLang('de_DE.UTF-8')).toBe('en');
    expect(normalizeLang('zh')).toBe('zh-CN');
  });

  test('the API key has no flag: argv lands in shell history', () => {
    expect('flag' in SETTINGS.apiKey).toBe(false);
  });

  test('profile: flag, then YCP_PROFILE, then default', () => {
    expect(profileName('work', { YCP_PROFILE: 'ci' })).toEqual({ name: 'work', source: 'flag' });
    expect(profileName(undefined, { YCP_PROFILE: 'ci' })).toEqual({ name: 'ci', source: 'env' });
    expect(profileName(undefined, {})).toEqual({ name: 'default', source: 'default' });
  });

  test('help lists every env var of the table', () => {
    const help = environmentHelp('en');
    for (const env of ['YCLOUD_API_KEY', 'YCLOUD_BASE_URL', 'YCP_APP_ID', 'YCP_CONFIG_ID', 'YCP_SOLUTION_ID', 'YCP_GRAPH_VERSION', 'YCP_LANG', 'YCP_PROFILE', 'YCP_CONFIG_DIR']) {
      expect(help).toContain(env);
    }
  });
});
