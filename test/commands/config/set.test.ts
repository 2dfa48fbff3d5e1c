import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp config set', () => {
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

  // issue 14, tried: `config set foo` listed the names in camelCase while the README and flags say `app-id`.
  test('an unknown name lists the settings in kebab-case; camelCase is accepted as an alias and said in kebab-case', async () => {
    t = createTestCtx();
    expect(await t.run(['config', 'set', 'foo', '1'])).toBe(2);
    expect(t.stderr()).toBe('error: unknown setting "foo"\nhint: settings: api-key, base-url, app-id, config-id, solution-id, graph-version, es-version, lang, timeout\n');
    t.verify();
    t.dispose();
    t = createTestCtx();
    expect(await t.run(['config', 'set', 'appId', '1234567890'])).toBe(0);
    expect(t.stderr()).toBe('✓ app-id = 1234567890 (profile "default")\n');
  });
});
