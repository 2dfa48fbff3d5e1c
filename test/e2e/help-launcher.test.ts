// The launcher (dist/ycp.js) answers plain help requests with the text generated at build time, without
// the bundle; everything else (a typo, an option) reaches commander. Run against the built dist/.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import type { HelpFile } from '../../src/help/generate.js';
import { requireBuild } from '../helpers/e2e.js';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
requireBuild();
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** `node <file> …args` with only the environment given (no LANG unless given), a fresh config dir by default. */
async function node(file: string, args: string[], env: Record<string, string> = {}) {
  const r = await execa(process.execPath, [file, ...args], {
    env: { PATH: process.env.PATH ?? '', YCP_CONFIG_DIR: tempDir('ycp-help-cfg-'), ...env },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    stripFinalNewline: false,
  });
  return { code: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/**
 * The launcher alone: dist/ without the bundle (main.js, chunks/). Whatever it answers, it answered without
 * loading the bundle; whatever it passes on fails to start. Its zh-CN texts are marked too, so the test sees
 * which file it chose, not only which language.
 */
function launcherOnly(): string {
  const dir = tempDir('ycp-launcher-');
  cpSync(join(DIST, 'ycp.js'), join(dir, 'ycp.js'));
  cpSync(join(DIST, 'package.json'), join(dir, 'package.json'));
  cpSync(join(DIST, 'help'), join(dir, 'help'), { recursive: true });
  const zh = JSON.parse(readFileSync(join(dir, 'help', 'zh-CN.json'), 'utf8')) as HelpFile;
  writeFileSync(join(dir, 'help', 'zh-CN.json'), JSON.stringify({ ...zh, texts: zh.texts.map((t) => `ZH ${t}`) }));
  return join(dir, 'ycp.js');
}

const HELP_ARGVS = [
  [], ['--help'], ['-h'], ['phones', '--help'], ['phone', 'list', '-h'], ['help', 'phone', 'list'], ['help'],
  ['--lang', 'zh-CN', 'waba', 'get', '-h'], ['webhooks', '--no-color', 'endpoint', 'create', '--help'],
];

describe('the launcher', () => {
  const bin = join(DIST, 'ycp.js');
  const only = launcherOnly();

  test.each(HELP_ARGVS.map((a) => [a.join(' ') || '(nothing)', a]))('prints what commander prints for `ycp %s`, exit 0, without the bundle', async (_, argv) => {
    const real = await node(join(DIST, 'main.js'), argv as string[]);
    expect(real).toMatchObject({ code: 0, stderr: '' });
    expect(real.stdout).toMatch((argv as string[]).includes('zh-CN') ? /^用法： ycp / : /^Usage: ycp /);
    expect(await node(bin, argv as string[])).toEqual(real);
    const marked = (argv as string[]).includes('zh-CN') ? 'ZH ' : '';
    expect(await node(only, argv as string[])).toEqual({ ...real, stdout: marked + real.stdout });
  });

  test('passes a typo on to commander: exit 2 and its message and suggestion', async () => {
    const r = await node(bin, ['phne']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain("error: unknown command 'phne'");
    expect(r.stderr).toContain('(Did you mean phone?)');
    for (const argv of [['phne'], ['phne', '--help'], ['waba', 'get', '1', '--help'], ['--json', '--help'], ['--lang', 'fr', '--help'], ['--version', '--help']]) {
      const alone = await node(only, argv);
      expect(alone.code, argv.join(' ')).toBe(1);
      expect(alone.stderr, argv.join(' ')).toContain('ycp failed to start');
    }
  });

  test('speaks --lang, else YCP_LANG, else LANG, else the profile\'s lang', async () => {
    const zh = (r: { code: number | undefined; stdout: string }) => r.code === 0 && r.stdout.startsWith('ZH 用法： ycp');
    const en = (r: { code: number | undefined; stdout: string }) => r.code === 0 && r.stdout.startsWith('Usage: ycp');
    expect(zh(await node(only, ['--lang', 'zh-CN', '--help'], { LANG: 'en_US.UTF-8' }))).toBe(true);
    expect(zh(await node(only, ['phone', '-h'], { YCP_LANG: 'zh', LANG: 'en_US.UTF-8' }))).toBe(true);
    expect(zh(await node(only, [], { LANG: 'zh_CN.UTF-8' }))).toBe(true);
    expect(en(await node(only, ['--help'], { LANG: 'C.UTF-8' }))).toBe(true);

    const cfg = tempDir('ycp-help-profile-');
    writeFileSync(join(cfg, 'config.json'), JSON.stringify({ profiles: { default: { lang: 'zh-CN' }, work: { lang: 'en' } } }));
    expect(zh(await node(only, ['--help'], { YCP_CONFIG_DIR: cfg }))).toBe(true);
    expect(en(await node(only, ['--help'], { YCP_CONFIG_DIR: cfg, YCP_PROFILE: 'work' }))).toBe(true);
    expect(en(await node(only, ['--help'], { YCP_CONFIG_DIR: cfg, LANG: 'en_US.UTF-8' }))).toBe(true);
    // No config file, or no such profile: en.
    expect(en(await node(only, ['--help'], { YCP_PROFILE: 'nobody' }))).toBe(true);
  });

  test('leaves a config file it should not read to the real CLI (a link, invalid JSON, a bad profile name)', async () => {
    const cfg = tempDir('ycp-help-odd-');
    writeFileSync(join(cfg, 'real.json'), JSON.stringify({ profiles: { default: { lang: 'zh-CN' } } }));
    symlinkSync(join(cfg, 'real.json'), join(cfg, 'config.json'));
    const bad = tempDir('ycp-help-bad-');
    writeFileSync(join(bad, 'config.json'), '{ "profiles": ');
    for (const env of [{ YCP_CONFIG_DIR: cfg }, { YCP_CONFIG_DIR: bad }, { YCP_PROFILE: '../x' }] as Record<string, string>[]) {
      expect((await node(only, ['--help'], env)).stderr).toContain('ycp failed to start');
      const real = await node(bin, ['--help'], env);
      expect(real.code).toBe(0);
      expect(real.stdout).toMatch(/^Usage: ycp /);
    }
  });
});
