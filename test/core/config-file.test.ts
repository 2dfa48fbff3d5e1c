// The config file layer (issue 10 §4): read-merge-write under a lock, stale-lock recovery, no symbolic
// links, and parse errors that give a position instead of the contents.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { jsonErrorOffset, lineColumn, parseConfigText, updateConfigFile } from '../../src/core/config-file.js';
import { openConfStore } from '../../src/core/store.js';
import { YcpError } from '../../src/core/errors.js';

const dirs: string[] = [];
const aDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ycp-cfgfile-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));

describe('read-merge-write', () => {
  test('two stores opened on the same file (two processes) both keep their writes', async () => {
    const dir = aDir();
    const a = await openConfStore({ YCP_CONFIG_DIR: dir });
    const b = await openConfStore({ YCP_CONFIG_DIR: dir });
    await Promise.all([a.set('default', 'appId', '1'), b.set('default', 'configId', '2'), a.set('work', 'appId', '3'), b.unset('default', 'nothing')]);
    expect(read(dir).profiles).toEqual({ default: { appId: '1', configId: '2' }, work: { appId: '3' } });
    // A later write of one store does not drop what the other wrote; each store sees the file after its write.
    await a.deleteProfile('work');
    expect(read(dir).profiles).toEqual({ default: { appId: '1', configId: '2' } });
    expect(a.profile('default')).toEqual({ appId: '1', configId: '2' });
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  test('unknown top-level keys and other profiles survive a write', async () => {
    const dir = aDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ other: { keep: true }, profiles: { x: { appId: '9' } } }));
    await updateConfigFile(join(dir, 'config.json'), (d) => ({ ...d, profiles: { ...(d.profiles as object), y: { appId: '8' } } }));
    expect(read(dir)).toEqual({ other: { keep: true }, profiles: { x: { appId: '9' }, y: { appId: '8' } } });
  });

  test('reads see this process\u2019s writes at once, before they reach the file', async () => {
    const dir = aDir();
    const s = await openConfStore({ YCP_CONFIG_DIR: dir });
    const p = s.set('default', 'appId', '5');
    expect(s.profile('default')).toEqual({ appId: '5' });
    await p;
    await s.flush();
    expect(read(dir).profiles.default).toEqual({ appId: '5' });
  });
});

describe('the lock', () => {
  test('a lock left by a process that is gone is recovered at once', async () => {
    const dir = aDir();
    writeFileSync(join(dir, 'config.json.lock'), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), nonce: 'dead' }));
    const started = Date.now();
    await updateConfigFile(join(dir, 'config.json'), () => ({ profiles: { a: { appId: '1' } } }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  test('an old lock (a stuck or foreign process) is recovered; a fresh one is waited for', async () => {
    const dir = aDir();
    const lock = join(dir, 'config.json.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: 'elsewhere', nonce: 'old' }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await updateConfigFile(join(dir, 'config.json'), () => ({ n: 1 }));
    expect(existsSync(lock)).toBe(false);

    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), nonce: 'live' }));
    const writing = updateConfigFile(join(dir, 'config.json'), (d) => ({ ...d, n: 2 }));
    // Kept on purpose: a window in which the write must NOT happen (a fresh lock is waited for).
    await new Promise((r) => setTimeout(r, 200));
    expect(read(dir)).toEqual({ n: 1 }); // still waiting for the live lock
    rmSync(lock);
    await writing;
    expect(read(dir)).toEqual({ n: 2 });
  });
});

describe('links and parse errors', () => {
  test('a symlinked config.json is refused for reading and writing; the target is untouched', async () => {
    const dir = aDir();
    const target = join(dir, 'target.json');
    writeFileSync(target, '{"profiles":{}}');
    symlinkSync(target, join(dir, 'config.json'));
    await expect(openConfStore({ YCP_CONFIG_DIR: dir })).rejects.toMatchObject({ kind: 'io', message: expect.stringContaining('is a symbolic link') });
    await expect(updateConfigFile(join(dir, 'config.json'), () => ({}))).rejects.toBeInstanceOf(YcpError);
    expect(readFileSync(target, 'utf8')).toBe('{"profiles":{}}');
  });

  test('a folder where the file should be is an io error, not a bug', async () => {
    const dir = aDir();
    (await import('node:fs')).mkdirSync(join(dir, 'config.json'));
    await expect(openConfStore({ YCP_CONFIG_DIR: dir })).rejects.toMatchObject({ kind: 'io', message: expect.stringContaining('is not a regular file') });
  });

  test.each([
    ['{ not json', 2, 'line 1, column 3'],
    ['{"a":1', 6, 'line 1, column 7'],
    ['{\n  "a": 1,\n}', 12, 'line 3, column 1'],
    ['{"a":"x\ny"}', 7, 'line 1, column 8'],
    ['{"a":tru}', 5, 'line 1, column 6'],
    ['{"a":"\\u12G4"}', 10, 'line 1, column 11'],
    ['[1 2]', 3, 'line 1, column 4'],
    ['{} x', 3, 'line 1, column 4'],
  ])('%j: offset %i (%s), never the contents', (text, offset, where) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    const { line, column } = lineColumn(text, offset);
    expect(`line ${line}, column ${column}`).toBe(where);
    let err: YcpError | undefined;
    try {
      parseConfigText(text, '/x/config.json');
    } catch (e) {
      err = e as YcpError;
    }
    expect(err).toMatchObject({ kind: 'usage', message: `the config file /x/config.json is not valid JSON (${where})` });
  });

  test('property: the scanner accepts what JSON.parse accepts', () => {
    fc.assert(fc.property(fc.json(), (text) => jsonErrorOffset(text) === text.length));
  });

  test('a JSON value that is not an object', () => {
    expect(() => parseConfigText('[1]', '/x/config.json')).toThrow('the config file /x/config.json does not hold a JSON object');
    expect(parseConfigText('  ', '/x/config.json')).toEqual({});
  });
});
