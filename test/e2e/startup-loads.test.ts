// What a run of the built binary loads (issue 14; speed itself is measured by `npm run bench`, never here):
// help and the version are the launcher alone; a one-shot API command over a direct connection loads no
// undici, no ESM loader, no config writer, no colours with NO_COLOR, no prompts, no contract.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';
import { startFakeYcloud, type FakeYcloud } from '../helpers/fake-ycloud.js';
import { aWaba, WABA_ID } from '../helpers/builders.js';

const KEY = 'loads-key-3b8f0c2d7e9a1b';
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Text that only the named package's (or module's) code holds, as it reads in the minified bundle. */
const MARKERS: Record<string, RegExp> = {
  undici: /\b(EnvHttpProxyAgent|RequestHandler)=class\b|llhttp/,
  conf: /\bConf=class\b/,
  chalk: /chalkStderr/,
  ora: /\bOra=class\b/,
  inquirer: /\bExitPromptError=class\b/,
  execa: /\bExecaError=class\b/,
  contract: /whatsapp_phone_number-update-displayName/,
};

let api: FakeYcloud;
let dir: string;
let preload: string;
/** The built-in modules an empty script loads on this Node (Node 24 loads its ESM loader whatever runs). */
let bare: Set<string>;
beforeAll(async () => {
  api = await startFakeYcloud({ [`GET /whatsapp/businessAccounts/${WABA_ID}`]: () => ({ status: 200, body: aWaba() }) }, KEY);
  dir = mkdtempSync(join(tmpdir(), 'ycp-loads-'));
  preload = join(dir, 'record.cjs');
  writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(process.env.YCP_TEST_LOADS, JSON.stringify({
    files: Object.keys(require.cache), builtins: process.moduleLoadList ?? [] })));\n`);
  writeFileSync(join(dir, 'empty.js'), '');
  const out = join(dir, 'bare.json');
  execFileSync(process.execPath, ['--require', preload, join(dir, 'empty.js')], { env: { PATH: process.env.PATH, YCP_TEST_LOADS: out } });
  bare = new Set((JSON.parse(readFileSync(out, 'utf8')) as { builtins: string[] }).builtins);
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** Runs the binary and returns what it loaded: its own files (relative to dist/) and Node's built-in modules. */
async function loads(args: string[], env: Record<string, string> = {}, code = 0) {
  const out = join(dir, `loads-${n++}.json`);
  const r = await runBin(args, { env: { NODE_OPTIONS: `--require ${preload}`, YCP_TEST_LOADS: out, ...env } });
  expect(r.code, r.stderr).toBe(code);
  const { files, builtins } = JSON.parse(readFileSync(out, 'utf8')) as { files: string[]; builtins: string[] };
  const own = files.filter((f) => f.startsWith(DIST)).map((f) => relative(DIST, f));
  const holding = (name: string) => own.filter((f) => MARKERS[name]!.test(readFileSync(join(DIST, f), 'utf8')));
  return { own, builtins, holding };
}

describe('what the built binary loads', () => {
  test('help and the version: the launcher alone', async () => {
    for (const args of [['--version'], ['--help'], ['phone', 'list', '-h'], []]) {
      expect((await loads(args)).own, args.join(' ')).toEqual(['ycp.js']);
    }
  });

  test('waba get over a direct connection: node:http, and none of the heavy parts', async () => {
    const l = await loads(['waba', 'get', WABA_ID], { YCLOUD_BASE_URL: api.baseUrl, YCLOUD_API_KEY: KEY });
    expect(l.own).toContain('main.js');
    for (const name of Object.keys(MARKERS)) expect(l.holding(name), name).toEqual([]);
    expect(l.builtins).toContain('NativeModule http');
    // Beyond what an empty script loads: no ESM loader (CommonJS all the way), no TLS for an http URL, no
    // node:fs/promises for reading the config, no child processes.
    const extra = l.builtins.filter((b) => !bare.has(b));
    for (const b of ['internal/modules/esm/loader', 'tls', 'https', 'fs/promises', 'child_process', 'http2']) {
      expect(extra, b).not.toContain(`NativeModule ${b}`);
    }
  });

  test('the same command through a proxy loads undici for it; NO_PROXY makes it direct again', async () => {
    const env = { YCLOUD_BASE_URL: api.baseUrl, YCLOUD_API_KEY: KEY, HTTP_PROXY: 'http://127.0.0.1:9', YCP_TIMEOUT: '1s' };
    // Nothing listens on the proxy's port: the call fails (exit 1), having gone to the proxy.
    expect((await loads(['waba', 'get', WABA_ID], env, 1)).holding('undici')).not.toEqual([]);
    expect((await loads(['waba', 'get', WABA_ID], { ...env, NO_PROXY: '127.0.0.1' })).holding('undici')).toEqual([]);
  });
});
