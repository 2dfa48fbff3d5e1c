import { Command } from 'commander';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from './helpers/test-ctx.js';
import { COMMAND_GROUPS, buildProgram } from '../src/cli.js';
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

describe('building only the group a run uses', () => {
  test('each group registers exactly the names the table gives it, and the table is the whole tree', () => {
    t = createTestCtx();
    for (const g of COMMAND_GROUPS) {
      const p = new Command('ycp');
      g.register(p, t.ctx);
      expect(p.commands.flatMap((c) => [c.name(), ...c.aliases()])).toEqual(g.names);
    }
    const all = buildProgram(t.ctx).commands.flatMap((c) => [c.name(), ...c.aliases()]);
    expect(all).toEqual(COMMAND_GROUPS.flatMap((g) => g.names));
  });

  test('a command of a group builds that group alone, past the root options wherever they stand', () => {
    t = createTestCtx();
    const built = (argv: string[]) => buildProgram(t.ctx, argv).commands.map((c) => c.name());
    expect(built(['waba', 'get', '104996844321234'])).toEqual(['waba']);
    expect(built(['--profile', 'work', '--lang=zh-CN', '-y', 'phones', 'list', '--json'])).toEqual(['phone']);
    expect(built(['--base-url', 'http://127.0.0.1:1/v2', 'status'])).toEqual(['init', 'status', 'doctor']);
  });

  test('anything commander must judge first sees the whole tree (and so its usual messages)', () => {
    t = createTestCtx();
    const whole = buildProgram(t.ctx).commands.length;
    for (const argv of [[], ['help', 'waba'], ['wabba', 'get'], ['--bogus', 'waba'], ['-yv', 'waba'], ['--', 'waba'], ['completion', 'bash'], ['--profile']]) {
      expect(buildProgram(t.ctx, argv).commands.length, argv.join(' ')).toBe(whole);
    }
  });

  test('a typo inside a group is still suggested from that group, exit 2', async () => {
    t = createTestCtx();
    expect(await t.run(['wabas', 'gte', '1'])).toBe(2);
    expect(t.stderr()).toContain("unknown command 'gte'");
    expect(t.stderr()).toContain('(Did you mean get?)');
  });
});

