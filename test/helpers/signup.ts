// Drives `ycp signup serve` in process: starts it through t.run, finds the local URL it prints,
// and talks to its server the way the page does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpText } from './http-text.js';
import { until } from './until.js';
import type { TestCtx } from './test-ctx.js';
import { scaffoldSignupPage } from '../../src/core/signup/scaffold.js';
import { readConfigBlock } from '../../src/core/signup/config-block.js';

export const PAGE_VALUES = { appId: '1234567890', configId: '2345678901', solutionId: '3456789012', graphVersion: 'v25.0' };
/** What Facebook would hand the page: a secret that must never be printed. */
export const SIGNUP_CODE = 'AQDx-signup-code-7c1e5d2b8a64f00d';

export async function aPageDir(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'ycp-signup-')), 'page');
  await scaffoldSignupPage({ out: dir, force: false, values: PAGE_VALUES });
  return dir;
}

export interface Serving {
  url: string;
  done: Promise<number>;
  token(): Promise<string>;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
}

/**
 * Waits (bounded) until `signup serve`, in process in `t` (on its own or run by the wizard), prints its
 * local URL; `running` is that run's exit code, so a run that ends first fails the wait at once.
 */
export async function servingUrl(t: TestCtx, running: Promise<number>): Promise<string> {
  let exited: number | undefined;
  void running.then((c) => (exited = c));
  return until(() => {
    const url = /(?:local:|本地：)\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(t.stderr())?.[1] ?? /"localUrl":"(http:\/\/127\.0\.0\.1:\d+\/)"/.exec(t.stdout())?.[1];
    if (url) return url;
    if (exited !== undefined) throw new Error(`exited ${exited} before signup serve printed its local URL:\n${t.stdout()}\n${t.stderr()}`);
    return undefined;
  }, () => `signup serve to print its local URL:\n${t.stderr()}`);
}

/** The one-time state token the served page carries. */
export async function stateToken(url: string): Promise<string> {
  return String(readConfigBlock((await httpText(url, 'GET', '/')).body)?.state);
}

/** Starts `signup serve` and resolves once its server answers; `done` is the exit code. */
export async function startServe(t: TestCtx, args: string[]): Promise<Serving> {
  const done = t.run(['signup', 'serve', ...args]);
  const base = await servingUrl(t, done);
  const http = (method: string, path: string, body?: string, headers: Record<string, string> = {}) => httpText(base, method, path, body, headers);
  return {
    url: base,
    done,
    token: () => stateToken(base),
    post: (body, headers = {}) =>
      // The page's own origin, as its same-origin fetch sends it (the server refuses any other).
      http('POST', '/ycp/callback', typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': 'application/json', origin: new URL(base).origin, ...headers }),
    get: (path, headers) => http('GET', path, undefined, headers),
  };
}
