import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp config', () => {
  test('set validates and stores; get reads back; list shows sources with the key masked', async () => {
    t = createTestCtx({ env: { YCP_CONFIG_ID: '777' } });
    expect(await t.run(['config', 'set', 'app-id', '1234567890'])).toBe(0);
    t = reuse(t);
    expect(await t.run(['config', 'get', 'appId'])).toBe(0);
    expect(t.stdout()).toBe('1234567890\n');
    t = reuse(t);
    expect(await t.run(['config', 'list'])).toBe(0);
    expect(t.stdout()).toBe(
      [
        'apiKey\ttes…a64\tenv (YCLOUD_API_KEY)',
        'baseUrl\thttps://api.ycloud.com/v2\tdefault',
        'appId\t1234567890\tprofile',
        'configId\t777\tenv (YCP_CONFIG_ID)',
        'solutionId\t\tunset',
        'graphVersion\tv25.0\tdefault',
        'esVersion\tv4\tdefault',
        'lang\ten\tdefault',
        'timeout\t60s\tdefault',
        '',
      ].join('\n'),
    );
  });

  test.each([
    [['config', 'set', 'appId', 'abc'], 'app-id: must be digits only'],
    [['config', 'set', 'nope', '1'], 'unknown setting "nope"'],
    [['config', 'set', 'apiKey', 'x'], 'use `ycp login`'],
    [['config', 'set', 'lang', 'fr'], 'lang: must be en or zh-CN'],
    [['config', 'set', 'baseUrl', 'ftp://x'], 'base-url: must be an http(s) URL'],
    [['config', 'set', 'timeout', 'soon'], 'timeout: must be a positive duration'],
    [['config', 'set', 'timeout', '0s'], 'timeout: must be a positive duration'],
  ])('%j → exit 2', async (argv, message) => {
    t = createTestCtx();
    expect(await t.run(argv)).toBe(2);
    expect(t.stderr()).toContain(message);
  });

  test('a broken config file is a clear error; `config path` still works', async () => {
    t = createTestCtx();
    writeFileSync(join(t.configDir, 'config.json'), '{ not json');
    const t2 = createTestCtx({ env: { YCP_CONFIG_DIR: t.configDir } });
    expect(await t2.run(['config', 'list'])).toBe(2);
    expect(t2.stderr()).toContain(`the config file ${join(t.configDir, 'config.json')} is not valid JSON (line 1, column 3)`);
    expect(t2.stderr()).not.toContain('not json'); // the position, never the contents
    const t3 = createTestCtx({ env: { YCP_CONFIG_DIR: t.configDir } });
    expect(await t3.run(['config', 'path'])).toBe(0);
    expect(t3.stdout()).toBe(join(t.configDir, 'config.json') + '\n');
  });

  test('--profile keeps settings apart', async () => {
    t = createTestCtx();
    expect(await t.run(['config', 'set', 'solutionId', '42', '--profile', 'staging'])).toBe(0);
    t = reuse(t);
    expect(await t.run(['config', 'get', 'solutionId'])).toBe(2);
    t = reuse(t, { YCP_PROFILE: 'staging' });
    expect(await t.run(['config', 'get', 'solutionId'])).toBe(0);
    expect(t.stdout()).toBe('42\n');
  });
});

/** A fresh ctx (as a new process would have) over the same config dir. */
function reuse(prev: TestCtx, env: Record<string, string> = {}): TestCtx {
  prev.verify();
  return createTestCtx({ env: { YCP_CONFIG_DIR: prev.configDir, YCP_CONFIG_ID: '777', ...env } });
}
