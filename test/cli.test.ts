import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from './helpers/test-ctx.js';
import { buildProgram } from '../src/cli.js';
import { commandTree } from '../src/commands/completion/print.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('the command line', () => {
  test('an unknown command is exit 2 with "did you mean"', async () => {
    t = createTestCtx();
    expect(await t.run(['phon', 'list'])).toBe(2);
    expect(t.stderr()).toContain("error: unknown command 'phon'");
    expect(t.stderr()).toContain('(Did you mean phone?)');
  });

  test('an unknown flag is exit 2 with "did you mean"', async () => {
    t = createTestCtx();
    expect(await t.run(['waba', 'list', '--stat', 'x'])).toBe(2);
    expect(t.stderr()).toContain("error: unknown option '--stat'");
    expect(t.stderr()).toContain('(Did you mean --status?)');
  });

  test('--json usage errors are a JSON document on stdout too', async () => {
    t = createTestCtx();
    expect(await t.run(['--json', 'waba', 'get'])).toBe(2);
    expect(JSON.parse(t.stdout())).toMatchObject({ error: { kind: 'usage' } });
  });

  test('a base URL that is not an http(s) URL is exit 2 naming it, not an "internal error" (flag or profile)', async () => {
    for (const [argv, profile] of [
      [['--base-url', 'api.ycloud.com/v2', 'waba', 'list'], undefined],
      [['--base-url', 'ftp://api.ycloud.com/v2', 'waba', 'list', '--json'], undefined],
      [['phone', 'list'], { baseUrl: 'not a url' }],
    ] as const) {
      t = createTestCtx({ profile });
      expect(await t.run([...argv])).toBe(2);
      const text = (argv as readonly string[]).includes('--json') ? JSON.parse(t.stdout()).error.message : t.stderr();
      // A flag is checked by its SETTINGS row; a stored value by the client before any request.
      expect(text).toMatch(/--base-url: must be an http\(s\) URL|API base URL must be/);
      expect(text).not.toContain('internal error');
      t.verify();
      t.dispose();
    }
    t = createTestCtx();
  });

  test('--help goes to stdout and exits 0; no args shows help', async () => {
    t = createTestCtx();
    expect(await t.run(['--help'])).toBe(0);
    expect(t.stdout()).toContain('Usage: ycp [options] [command]');
    expect(t.stdout()).toContain('Exit codes:');
    t = createTestCtx();
    expect(await t.run([])).toBe(0);
    expect(t.stdout()).toContain('Commands:');
  });

  // issue 14, tried: `--lang fr` was silently accepted.
  test('--lang fr is exit 2 naming the languages, said in the language the environment asks for', async () => {
    t = createTestCtx();
    expect(await t.run(['--lang', 'fr', 'waba', 'list'])).toBe(2);
    expect(t.stderr()).toBe('error: --lang: must be en or zh-CN\n');
    expect(t.api.requests).toEqual([]);
    t.verify();
    t.dispose();
    t = createTestCtx({ env: { YCP_LANG: 'zh-CN' } });
    expect(await t.run(['--lang', 'fr', 'waba', 'list'])).toBe(2);
    expect(t.stderr()).toBe('错误：--lang：只能是 en 或 zh-CN\n');
  });

  test('--version', async () => {
    t = createTestCtx();
    expect(await t.run(['--version'])).toBe(0);
    expect(t.stdout()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('the command tree with each command\'s examples (snapshot keeps the surface deliberate)', async () => {
    t = createTestCtx();
    const lines: string[] = [];
    const examplesOf = async (path: string[]) => {
      const c = createTestCtx();
      expect(await c.run([...path, '--help'])).toBe(0);
      c.dispose();
      return c.stdout().split('\nExamples:\n')[1]!.trimEnd().split('\n');
    };
    const walk = async (n: ReturnType<typeof commandTree>, path: string[]) => {
      for (const c of n.children) {
        lines.push([...path, c.name].join(' ') + (c.aliases.length ? ` (${c.aliases.join(', ')})` : ''));
        lines.push(...(await examplesOf([...path, c.name])));
        await walk(c, [...path, c.name]);
      }
    };
    lines.push('ycp', ...(await examplesOf([])));
    await walk(commandTree(buildProgram(t.ctx)), []);
    expect(lines).toMatchSnapshot();
  });
});
