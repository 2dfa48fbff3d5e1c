// The local capture server of `signup serve` (CLI.md §7): serves the page with a per-run one-time
// state token injected, accepts exactly one signup result per token, and only from the page's own
// origin, and reports progress back to the page. Binds 127.0.0.1; the tunnel is what makes it public.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { abortError } from '../errors.js';
import { closeServer, listenOn, readBodyCapped } from '../local-http.js';
import { CallbackError, parseCallbackBody, type CapturedSignup } from './capture.js';
import { readConfigBlock, writeConfigBlock } from './config-block.js';

export const CALLBACK_PATH = '/ycp/callback';
export const PROGRESS_PATH = '/ycp/progress';
export const BODY_LIMIT = 16 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.json': 'application/json',
};

export interface ProgressStep {
  phase: string;
  message: string;
  at: number;
}
export type SessionStatus = 'running' | 'done' | 'failed' | 'cancelled';
export interface PageError {
  message: string;
  code?: string;
  hint?: string;
}

/** One captured signup and the progress the page shows for it. */
export interface SignupSession {
  readonly capture: CapturedSignup;
  step(phase: string, message: string): void;
  done(result: Record<string, unknown>): void;
  fail(error: PageError, status?: 'failed' | 'cancelled'): void;
  /** Resolves once the page has read the final state, or after `ms` (the page may be gone). */
  settled(ms: number): Promise<void>;
}

export interface SignupServer {
  readonly port: number;
  readonly localUrl: string;
  /** Also accept the callback from this origin: the tunnel's or --public-url's, once it is known. */
  allowOrigin(url: string): void;
  /** The next captured signup; rejects when `signal` aborts. */
  next(signal: AbortSignal): Promise<SignupSession>;
  close(): Promise<void>;
}

export interface SignupServerOptions {
  dir: string;
  port?: number;
  /** Serve-time config merged into the page's block (sandbox settings, timeouts). */
  inject?: Record<string, unknown>;
  /** Issue a fresh token after each capture (`--keep-running`); otherwise one signup per run. */
  keepRunning?: boolean;
  now: () => number;
  signal: AbortSignal;
  /** Called with each state token issued, so the caller can keep it out of everything it prints. */
  onToken?: (token: string) => void;
}

interface SessionState {
  status: SessionStatus;
  steps: ProgressStep[];
  result?: Record<string, unknown>;
  error?: PageError;
  finalRead: boolean;
  /** A browser posted it (Sec-Fetch-* headers), so a page is polling for the final state. */
  pageWatching: boolean;
  onFinalRead: (() => void)[];
}

const hash = (s: string) => createHash('sha256').update(s).digest();
const newToken = () => randomBytes(24).toString('base64url');

export async function startSignupServer(o: SignupServerOptions): Promise<SignupServer> {
  const issue = () => {
    const t = newToken();
    o.onToken?.(t);
    return t;
  };
  let current: string | undefined = issue();
  // The origins the page is served from: the callback is a same-origin fetch, which always carries
  // Origin. Anything else (another site, `null`, no Origin at all) is refused before the token is read.
  const origins = new Set<string>();
  const sessions = new Map<string, SessionState>(); // keyed by sha256(token) hex: the token itself is not kept
  const queue: SignupSession[] = [];
  const waiters: ((s: SignupSession) => void)[] = [];

  const matchesCurrent = (token: string) => current !== undefined && timingSafeEqual(hash(token), hash(current));

  function deliver(s: SignupSession) {
    const w = waiters.shift();
    if (w) w(s);
    else queue.push(s);
  }

  function makeSession(capture: CapturedSignup, st: SessionState): SignupSession {
    return {
      capture,
      step: (phase, message) => void st.steps.push({ phase, message, at: o.now() }),
      done(result) {
        st.status = 'done';
        st.result = result;
      },
      fail(error, status = 'failed') {
        st.status = status;
        st.error = error;
      },
      settled: (ms) =>
        new Promise<void>((resolve) => {
          if (st.finalRead || !st.pageWatching) return resolve();
          const t = setTimeout(resolve, ms);
          st.onFinalRead.push(() => {
            clearTimeout(t);
            resolve();
          });
        }),
    };
  }

  async function page(res: ServerResponse) {
    const html = await readFile(join(o.dir, 'index.html'), 'utf8');
    const cfg = readConfigBlock(html) ?? {};
    const served = { ...cfg, ...o.inject, state: current ?? '', callbackUrl: CALLBACK_PATH, progressUrl: PROGRESS_PATH };
    send(res, 200, TYPES['.html']!, writeConfigBlock(html, served));
  }

  async function file(res: ServerResponse, name: string) {
    const p = join(o.dir, name);
    const st = await stat(p).catch(() => undefined);
    if (!st?.isFile()) return json(res, 404, { error: 'not found' });
    // An SVG opened on its own is a document of this origin: it gets no script and no requests.
    const extra: Record<string, string> = extname(name) === '.svg' ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } : {};
    send(res, 200, TYPES[extname(name)] ?? 'application/octet-stream', await readFile(p), extra);
  }

  async function callback(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') return json(res, 405, { error: 'use POST' }, { allow: 'POST' });
    if (!origins.has(String(req.headers.origin ?? ''))) {
      req.resume();
      return json(res, 403, { error: 'the callback is only accepted from the signup page itself (Origin)' });
    }
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return json(res, 415, { error: 'content-type must be application/json' });
    if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT) {
      return json(res, 413, { error: `body over ${BODY_LIMIT} bytes` }, { connection: 'close' });
    }
    const got = await readBodyCapped(req, BODY_LIMIT);
    if (got.over) return json(res, 413, { error: `body over ${BODY_LIMIT} bytes` }, { connection: 'close' });
    let body: unknown;
    try {
      body = JSON.parse(got.raw.toString('utf8'));
    } catch {
      return json(res, 400, { error: 'body is not JSON' });
    }
    const token = body && typeof body === 'object' ? (body as { state?: unknown }).state : undefined;
    if (typeof token !== 'string' || !token) return json(res, 403, { error: 'missing state token' });
    if (!matchesCurrent(token)) {
      // A repeat of an accepted result changes nothing; anything else is forged or from an old page.
      return sessions.has(hash(token).toString('hex')) ? json(res, 409, { error: 'this signup was already received' }) : json(res, 403, { error: 'invalid state token' });
    }
    let capture: CapturedSignup;
    try {
      capture = parseCallbackBody(body, o.now());
    } catch (err) {
      if (err instanceof CallbackError) return json(res, err.status, { error: err.message });
      throw err;
    }
    const pageWatching = req.headers['sec-fetch-mode'] !== undefined;
    const st: SessionState = { status: 'running', steps: [], finalRead: false, pageWatching, onFinalRead: [] };
    sessions.set(hash(token).toString('hex'), st);
    current = o.keepRunning ? issue() : undefined;
    json(res, 202, { ok: true });
    deliver(makeSession(capture, st));
  }

  function progress(req: IncomingMessage, res: ServerResponse) {
    const token = String(req.headers['x-ycp-state'] ?? '');
    if (token && matchesCurrent(token)) return json(res, 200, { status: 'waiting', steps: [] });
    const st = token ? sessions.get(hash(token).toString('hex')) : undefined;
    if (!st) return json(res, 403, { error: 'invalid state token' });
    json(res, 200, { status: st.status, steps: st.steps, result: st.result, error: st.error });
    if (st.status !== 'running' && !st.finalRead) {
      st.finalRead = true;
      for (const f of st.onFinalRead.splice(0)) f();
    }
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const route = async () => {
      if (path === CALLBACK_PATH) return callback(req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
      if (path === PROGRESS_PATH) return progress(req, res);
      if (path === '/' || path === '/index.html') return page(res);
      if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      // Only plain file names in the page folder: no dot files (.ycp/ holds results), no traversal.
      if (/^\/[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9]+)?$/.test(path) && path !== '/index.html') return file(res, path.slice(1));
      return json(res, 404, { error: 'not found' });
    };
    route().catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });

  const { port } = await listenOn(server, { port: o.port, signal: o.signal });
  // Bound to 127.0.0.1, so a browser on this machine reaches it under either name.
  origins.add(`http://127.0.0.1:${port}`).add(`http://localhost:${port}`);
  let closing: Promise<void> | undefined;
  return {
    port,
    localUrl: `http://127.0.0.1:${port}/`,
    allowOrigin(url) {
      origins.add(new URL(url).origin);
    },
    next(signal) {
      const ready = queue.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<SignupSession>((resolve, reject) => {
        if (signal.aborted) return reject(abortError());
        const onAbort = () => {
          const i = waiters.indexOf(take);
          if (i >= 0) waiters.splice(i, 1);
          reject(abortError());
        };
        const take = (s: SignupSession) => {
          signal.removeEventListener('abort', onAbort);
          resolve(s);
        };
        waiters.push(take);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    close() {
      closing ??= closeServer(server);
      return closing;
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...extra,
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), extra);
}
