// init/status/doctor against a real sandbox in process: the ctx's API client talks HTTP to it on
// loopback, and the sandbox reads time from the ctx's fake clock, so "wait for CONNECTED" jumps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCtx, type TestCtx, type TestCtxOptions } from './test-ctx.js';
import { httpText as http } from './http-text.js';
import { T0 } from './fake-clock.js';
import { startSandbox, type Sandbox } from '../../src/core/sandbox/index.js';

export interface World {
  sb: Sandbox;
  /** A test ctx on the sandbox; each new one starts where the previous clock stopped. */
  make(o?: TestCtxOptions): TestCtx;
  /** A fresh folder for the Embedded Signup page. */
  pageDir(): string;
  /** The config dir shared by every ctx of this world (one partner's machine). */
  configDir: string;
  dispose(): Promise<void>;
}

/** A test ctx pointed at the sandbox the way `eval "$(ycp sandbox)"` does, and allowed to reach it. */
export function sandboxCtx(sb: Sandbox, o: TestCtxOptions = {}): TestCtx {
  const t = createTestCtx({ ...o, env: { YCLOUD_BASE_URL: sb.baseUrl, YCLOUD_API_KEY: sb.apiKey, ...o.env } });
  t.agent.enableNetConnect(new URL(sb.origin).host);
  return t;
}

export async function sandboxWorld(seed = 'default'): Promise<World> {
  let current: TestCtx | undefined;
  let last = T0;
  const sb = await startSandbox({ port: 0, seed, timeScale: 1, now: () => current?.clock.now() ?? last });
  const configDir = mkdtempSync(join(tmpdir(), 'ycp-int-'));
  const ts: TestCtx[] = [];
  const dirs: string[] = [configDir];
  return {
    sb,
    configDir,
    make(o = {}) {
      if (current) last = current.clock.now();
      const t = sandboxCtx(sb, { ...o, env: { YCP_CONFIG_DIR: configDir, ...o.env } });
      t.clock.advance(last - t.clock.now());
      ts.push(t);
      current = t;
      return t;
    },
    pageDir() {
      const d = mkdtempSync(join(tmpdir(), 'ycp-page-'));
      dirs.push(d);
      return join(d, 'page');
    },
    async dispose() {
      for (const t of ts) t.verify();
      for (const t of ts) t.dispose();
      await sb.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

export { http };
export { control } from './sandbox.js';
export { servingUrl, stateToken } from './signup.js';

/** True when nothing listens on the URL's port any more. */
export async function closed(url: string): Promise<boolean> {
  return http(url, 'GET', '/').then(
    () => false,
    (err: NodeJS.ErrnoException) => err.code === 'ECONNREFUSED',
  );
}
