// The bundled binary under a real SIGTERM: exit 143 (128+15), server closed, no orphan cloudflared. Built into
// a private folder (not dist/, which other test files may rebuild at the same time).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { aPageDir } from '../helpers/signup.js';
import { alive, PATH_WITH_FAKE, pidFile, readPid } from '../helpers/tunnel.js';
import { until } from '../helpers/until.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'test-results', `e2e-dist-${process.pid}`);

beforeAll(async () => {
  await build({
    entryPoints: { ycp: join(ROOT, 'bin', 'ycp.ts') },
    bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20.19', outdir: OUT,
    chunkNames: 'chunks/[name]-[hash]', logLevel: 'error', external: ['@ngrok/ngrok', 'playwright-core', 'fsevents'],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    define: { __YCP_VERSION__: '"0.0.0-e2e"' },
  });
});

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

test('SIGTERM stops ycp with 143 and takes cloudflared with it', async () => {
  const pf = pidFile();
  const dir = await aPageDir();
  const child = spawn(process.execPath, [join(OUT, 'ycp.js'), 'signup', 'serve', '--dir', dir, '--no-register'], {
    env: { ...process.env, PATH: PATH_WITH_FAKE, FAKE_CLOUDFLARED_PIDFILE: pf, YCP_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ycp-e2e-')), CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await until(() => stderr.includes('Waiting for the signup'), () => `serve to wait for the signup; stderr:\n${stderr}`, { timeoutMs: 6_000 });
  expect(stderr).toContain('.trycloudflare.com');
  const cf = await readPid(pf);
  expect(alive(cf)).toBe(true);
  child.kill('SIGTERM');
  expect(await exited).toBe(143);
  expect(alive(cf)).toBe(false);
  expect(stderr.endsWith('cancelled\n')).toBe(true);
});
