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
});
