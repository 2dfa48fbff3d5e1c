// Issue 10 §4, on the built binary: concurrent `config set` from several processes lose nothing; an
// unwritable config dir is exit 1 naming the path and the permission (not "a bug in ycp"); a symlinked
// config.json is refused and its target left untouched; a parse error names the file and the position,
// never the file's contents.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BIN, runBin, type BinResult } from '../helpers/run-bin.js';

const dirs: string[] = [];
const tempDir = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `ycp-store-${name}-`));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

describe('concurrent writers', () => {
  test('3 processes × 50 sequential `config set` each, side by side: all 150 values land', async () => {
    const dir = tempDir('race');
    const worker = async (w: number) => {
      const failures: BinResult[] = [];
      for (let i = 0; i < 50; i++) {
        const r = await runBin(['--profile', `w${w}_${i}`, 'config', 'set', 'appId', `${w}00${i}`], { env: { YCP_CONFIG_DIR: dir }, timeoutMs: 60_000 });
        if (r.code !== 0) failures.push(r);
      }
      return failures;
    };
    const failures = (await Promise.all([0, 1, 2].map(worker))).flat();
    expect(failures).toEqual([]);
    const file = join(dir, 'config.json');
    const profiles = JSON.parse(readFileSync(file, 'utf8')).profiles as Record<string, { appId: string }>;
    const missing = [0, 1, 2].flatMap((w) => Array.from({ length: 50 }, (_, i) => `w${w}_${i}`)).filter((p) => profiles[p]?.appId !== `${p.slice(1, 2)}00${p.split('_')[1]}`);
    expect(missing).toEqual([]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirNames(dir)).toEqual(['config.json']); // no lock or temp file left behind
  }, 240_000);
});

describe('an unwritable config dir', () => {
  test('exit 1 naming the path and the permission problem, not "a bug in ycp"', async () => {
    const dir = tempDir('ro');
    chmodSync(dir, 0o555);
    const r = await runAs(['config', 'set', 'appId', '123'], { YCP_CONFIG_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write the config file ${join(dir, 'config.json')}`);
    expect(r.stderr).toMatch(/permission denied/i);
    expect(r.stderr).not.toContain('bug');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr.match(/config file/g)).toHaveLength(1); // said once, not again as a cleanup warning
  });
});

describe('a symlinked config.json', () => {
  test('is refused: nothing is written through the link, the target keeps its mode and bytes', async () => {
    const dir = tempDir('link');
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'TOP-SECRET first bytes of some other file\n');
    chmodSync(target, 0o644);
    symlinkSync(target, join(dir, 'config.json'));
    for (const args of [['config', 'set', 'appId', '123'], ['config', 'list']]) {
      const r = await runBin(args, { env: { YCP_CONFIG_DIR: dir } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${join(dir, 'config.json')} is a symbolic link`);
      expect(r.stderr).not.toContain('TOP-SECRET');
    }
    expect(readFileSync(target, 'utf8')).toBe('TOP-SECRET first bytes of some other file\n');
    expect(statSync(target).mode & 0o777).toBe(0o644);
    expect(lstatSync(join(dir, 'config.json')).isSymbolicLink()).toBe(true);
  });
});

describe('a config.json that is not valid JSON', () => {
  test('the error names the file and the line and column, never the contents', async () => {
    const dir = tempDir('bad');
    writeFileSync(join(dir, 'config.json'), '{\n  "profiles": {\n    "default": { "apiKey": TOP-SECRET-KEY-1234 }\n  }\n}\n');
    const r = await runBin(['config', 'list'], { env: { YCP_CONFIG_DIR: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'config.json'));
    expect(r.stderr).toContain('line 3, column 28');
    expect(r.stderr).not.toContain('TOP-SECRET');
    const j = await runBin(['config', 'list', '--json'], { env: { YCP_CONFIG_DIR: dir } });
    expect(j.code).toBe(2);
    expect(j.stdout).not.toContain('TOP-SECRET');
  });
});

function readdirNames(dir: string): string[] {
  return readdirSync(dir).sort();
}

/**
 * Runs the binary so that a 0555 folder really refuses it. Root writes through any mode, so as root the
 * child runs without the capabilities that bypass file permissions (setpriv, from util-linux), or
 * else as `nobody` (that needs the checkout to be readable by others).
 */
function runAs(args: string[], env: Record<string, string>): Promise<BinResult> {
  const root = process.getuid?.() === 0;
  const setpriv = root ? ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p)) : undefined;
  const [cmd, argv] = setpriv
    ? [setpriv, ['--bounding-set', '-dac_override,-dac_read_search,-fowner', process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(root && !setpriv ? { uid: 65534, gid: 65534 } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
