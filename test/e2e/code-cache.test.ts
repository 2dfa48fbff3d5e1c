// The launcher keeps V8's code cache of the bundle in the user's cache folder (bin/bundle-loader.ts): written
// by a first run, used as is by the next ones, harmless when damaged, missing or unwritable, and never
// refused because undici changed a V8 flag midway through a run. Run against the built dist/.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';
import { startFakeYcloud, type FakeYcloud } from '../helpers/fake-ycloud.js';
import { aWaba, WABA_ID } from '../helpers/builders.js';

const KEY = 'cache-key-9d2b8a64f3c1e5';
let api: FakeYcloud;
const dirs: string[] = [];
beforeAll(async () => {
  api = await startFakeYcloud({ [`GET /whatsapp/businessAccounts/${WABA_ID}`]: () => ({ status: 200, body: aWaba() }) }, KEY);
});
afterAll(async () => {
  await api.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh XDG_CACHE_HOME (env-paths reads it on Linux) and the folder the code caches go to. */
function freshCache() {
  const home = mkdtempSync(join(tmpdir(), 'ycp-cache-'));
  dirs.push(home);
  const v8 = join(home, 'ycp', 'v8');
  const folders = () => (existsSync(v8) ? readdirSync(v8) : []);
  /** entry name → [mtime, size] in this build's folder. */
  const entries = () => {
    const [folder] = folders().filter((f) => f.startsWith(`${process.version}-${process.arch}-`));
    if (!folder) return {};
    return Object.fromEntries(readdirSync(join(v8, folder)).map((n) => [n, [statSync(join(v8, folder, n)).mtimeMs, statSync(join(v8, folder, n)).size]]));
  };
  return { env: { XDG_CACHE_HOME: home }, v8, folders, entries };
}

const waba = (env: Record<string, string>) => runBin(['waba', 'get', WABA_ID, '--json'], { env: { YCLOUD_BASE_URL: api.baseUrl, YCLOUD_API_KEY: KEY, ...env } });

describe.skipIf(process.platform !== 'linux')('the code cache of the bundle', () => {
  test('a first run writes it (owner only), the next ones use it as is, with the same result', async () => {
    const c = freshCache();
    const first = await waba(c.env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const written = c.entries();
    expect(Object.keys(written)).toContain('main.js');
    expect(Object.keys(written).length).toBeGreaterThan(5);
    const folder = join(c.v8, c.folders()[0]!);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, 'main.js')).mode & 0o777).toBe(0o600);
    const second = await waba(c.env);
    expect(second).toEqual(first);
    expect(c.entries()).toEqual(written); // accepted by V8: nothing rewritten
  });

  test('a damaged entry is refused by V8, the run is unaffected, and the entry is written again', async () => {
    const c = freshCache();
    const first = await waba(c.env);
    const folder = join(c.v8, c.folders()[0]!);
    writeFileSync(join(folder, 'main.js'), 'not a code cache');
    expect(await waba(c.env)).toEqual(first);
    expect(readFileSync(join(folder, 'main.js'), 'utf8')).not.toBe('not a code cache');
  });

  test('a run through undici (which sets a V8 flag) leaves entries the next direct run accepts', async () => {
    const c = freshCache();
    // The proxy port is closed: the call fails (exit 1) after undici loaded and set --liftoff-only.
    const proxied = await waba({ ...c.env, HTTP_PROXY: 'http://127.0.0.1:9', YCP_TIMEOUT: '1s' });
    expect(proxied.code).toBe(1);
    const afterProxied = c.entries();
    expect(Object.keys(afterProxied)).toContain('main.js');
    expect((await waba(c.env)).code).toBe(0);
    const afterDirect = c.entries();
    for (const [name, stat] of Object.entries(afterProxied)) expect(afterDirect[name], name).toEqual(stat);
  });

  test('the folders of other builds go when a new one is written; NODE_DISABLE_COMPILE_CACHE writes nothing', async () => {
    const c = freshCache();
    mkdirSync(join(c.v8, 'v20.0.0-x64-0.0.1-000000000000'), { recursive: true });
    expect((await waba(c.env)).code).toBe(0);
    expect(c.folders()).toHaveLength(1);
    expect(c.folders()[0]).toMatch(new RegExp(`^${process.version}-${process.arch}-`));
    const off = freshCache();
    expect((await waba({ ...off.env, NODE_DISABLE_COMPILE_CACHE: '1' })).code).toBe(0);
    expect(off.folders()).toEqual([]);
  });

  test('a cache folder that cannot be written leaves the run as it is', async () => {
    const c = freshCache();
    mkdirSync(join(c.env.XDG_CACHE_HOME, 'ycp'));
    writeFileSync(c.v8, 'a file where the folder would go');
    expect(await waba(c.env)).toMatchObject({ code: 0, stderr: '' });
    expect(statSync(c.v8).isFile()).toBe(true);
  });
});
