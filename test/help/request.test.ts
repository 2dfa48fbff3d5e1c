// Which argv the launcher answers from the generated help, and which language help speaks.
import { describe, expect, test } from 'vitest';
import { flagValue, helpKey, helpLang } from '../../src/help/request.js';

describe('helpKey', () => {
  test('plain help requests have a key', () => {
    expect(helpKey([])).toBe('');
    expect(helpKey(['--help'])).toBe('--help');
    expect(helpKey(['-h'])).toBe('--help');
    expect(helpKey(['phones', 'list', '-h'])).toBe('phones list --help');
    expect(helpKey(['webhook', 'endpoint', 'create', '--help'])).toBe('webhook endpoint create --help');
    expect(helpKey(['help'])).toBe('help');
    expect(helpKey(['help', 'phone', 'list'])).toBe('help phone list');
  });

  test('--no-color and a valid --lang may stand anywhere', () => {
    expect(helpKey(['--no-color', 'phone', '--lang', 'zh-CN', '--help'])).toBe('phone --help');
    expect(helpKey(['--lang=zh_CN.UTF-8', 'help', 'waba'])).toBe('help waba');
    expect(helpKey(['--lang', 'en', '-h'])).toBe('--help');
  });

  test('anything else is commander\'s: options, operands, a bad --lang, help not last, --lang alone', () => {
    for (const argv of [
      ['--lang', 'fr', '--help'], ['--lang', '--help'], ['--lang'], ['--lang', 'zh-CN'], ['--no-color'],
      ['--json', '--help'], ['--profile', 'work', '--help'], ['waba', 'get', '104996844321234', '--help'],
      ['--help', 'phone'], ['phone', '--help', 'list'], ['phone'], ['phne'], ['help', '--json'], ['--', '--help'],
      ['-v'], ['--version'], ['-h', '-h'],
    ]) expect(helpKey(argv), argv.join(' ')).toBeUndefined();
  });
});

describe('helpLang', () => {
  const never = () => {
    throw new Error('the profile must not be read when the flag or the environment decides');
  };

  test('--lang, then YCP_LANG, then LANG, normalised; the profile is not read', async () => {
    expect(await helpLang(['--lang', 'zh', '--help'], { YCP_LANG: 'en', LANG: 'en_US.UTF-8' }, never)).toBe('zh-CN');
    expect(await helpLang(['--help'], { YCP_LANG: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, never)).toBe('zh-CN');
    expect(await helpLang(['--help'], { LANG: 'zh_TW.UTF-8' }, never)).toBe('zh-CN');
    expect(await helpLang(['--help'], { LANG: 'C.UTF-8' }, never)).toBe('en');
    // A --lang that names no language ycp speaks does not count (commander and the config report it).
    expect(await helpLang(['--lang', 'fr'], { LANG: 'zh_CN.UTF-8' }, never)).toBe('zh-CN');
  });

  test('without flag and environment, the profile\'s stored lang, else en', async () => {
    expect(await helpLang(['-h'], {}, () => 'zh-CN')).toBe('zh-CN');
    expect(await helpLang(['-h'], { LANG: '' }, async () => 'zh')).toBe('zh-CN');
    expect(await helpLang(['-h'], {}, () => undefined)).toBe('en');
    expect(await helpLang(['-h'], {}, () => 42)).toBe('en');
  });
});

test('flagValue reads --name X and --name=X, the last one winning, not past --', () => {
  expect(flagValue(['--profile', 'a', 'x', '--profile=b'], '--profile')).toBe('b');
  expect(flagValue(['--', '--profile', 'a'], '--profile')).toBeUndefined();
  expect(flagValue(['--profiles', 'a'], '--profile')).toBeUndefined();
});
