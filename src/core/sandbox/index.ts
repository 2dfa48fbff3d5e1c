// `startSandbox()`: a stateful local YCloud on node:http (no dependencies). All YCloud routes live under
// /v2, control routes under /_sandbox/. Used by `ycp sandbox`, `ycp demo` and the test suites.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeServer, listenOn } from '../local-http.js';
import { createDelivery } from './delivery.js';
import { createFaults, faultError, type Faults } from './faults.js';
import { SandboxError, errorBody, readJson, sendError, sendJson } from './http.js';
import { requestId, sandboxKey } from './ids.js';
import { advance } from './lifecycle.js';
import { match, type Route } from './router.js';
import { accountRoutes } from './routes/account.js';
import { controlRoutes } from './routes/control.js';
import { messageRoutes } from './routes/messages.js';
import { phoneRoutes } from './routes/phones.js';
import { profileRoutes } from './routes/profiles.js';
import { scaleRoutes } from './routes/scale.js';
import { templateRoutes } from './routes/templates.js';
import { unsubscriberRoutes } from './routes/unsubscribers.js';
import { webhookRoutes } from './routes/webhooks.js';
import { SEED, SEED_NAMES } from './seed.js';
import { simulateSignup, type SignupResult } from './signup.js';
import { isSeedName, openStore } from './store.js';
import type { SandboxData } from './types.js';
import { createWorld, type World } from './world.js';

export { SEED, SEED_NAMES, type SignupResult, type SandboxData };
export { StateFileError } from './store.js';

export interface SandboxOptions {
  /** 0 = a free port. */
  port?: number;
  host?: string;
  /** Keep the state in this JSON file across restarts. */
  statePath?: string;
  /** default | empty | large (ignored when statePath already holds a state). */
  seed?: string;
  /** Every delay is divided by this (10 = ten times faster). */
  timeScale?: number;
  apiKey?: string;
  now?: () => number;
}

export interface Sandbox {
  origin: string;
  /** origin + '/v2': what YCLOUD_BASE_URL should be. */
  baseUrl: string;
  apiKey: string;
  port: number;
  timeScale: number;
  /** The live state (read it; change it through the API or the control routes). */
  readonly state: SandboxData;
  faults: Faults;
  /** Simulates a finished Embedded Signup (same as POST /_sandbox/signup). */
  signup(o?: { businessName?: string; paymentMethodAttached?: boolean; featureType?: string }): SignupResult;
  /** Applies every due change and sends due webhooks now (for a fake `now`). */
  tick(): void;
  /** Resolves once no webhook delivery is in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const API_ROUTES: Route[] = [...accountRoutes, ...phoneRoutes, ...messageRoutes, ...templateRoutes, ...webhookRoutes, ...unsubscriberRoutes, ...profileRoutes];

export async function startSandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  const seed = o.seed ?? 'default';
  if (!isSeedName(seed)) throw new SandboxError(400, 'PARAM_INVALID', `unknown seed "${seed}"; use ${SEED_NAMES.join(', ')}`);
  const timeScale = o.timeScale ?? 1;
  if (!(timeScale > 0 && timeScale <= 1_000_000)) throw new SandboxError(400, 'PARAM_INVALID', 'timeScale must be a number above 0');
  const store = await openStore({ statePath: o.statePath, seed, apiKey: o.apiKey ?? sandboxKey(), keepKey: o.apiKey !== undefined });
  const now = o.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // Ends what a request may still be waiting for (a latency fault of up to 2 min) when the sandbox closes.
  const life = new AbortController();
  // eslint-disable-next-line prefer-const
  let world: World;
  const delivery = createDelivery(() => world);
  const faults = createFaults();

  /** One timer for everything time-driven: the earliest due change or webhook job. */
  function tick(): void {
    if (closed) return;
    const a = advance(world);
    const b = delivery.run();
    const next = a === undefined ? b : b === undefined ? a : Math.min(a, b);
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (next !== undefined) {
      timer = setTimeout(tick, Math.max(0, next - now()) + 1);
      timer.unref();
    }
  }
  let wakeQueued = false;
  const wake = () => {
    if (wakeQueued || closed) return;
    wakeQueued = true;
    queueMicrotask(() => {
      wakeQueued = false;
      tick();
    });
  };
  world = createWorld({ store, now, timeScale, deliver: (e) => delivery.enqueue(e), wake });

  let origin = '';
  const control = [...controlRoutes({ faults, delivery, origin: () => origin }), ...scaleRoutes];
  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rid = requestId();
    res.setHeader('YCloud-Request-ID', rid);
    try {
      const url = requestUrl(req.url);
      const method = req.method ?? 'GET';
      const path = url.pathname;
      if (path === '/_sandbox' || path.startsWith('/_sandbox/')) {
        // The fake SDK calls /_sandbox/signup from the signup page's origin.
        res.setHeader('Access-Control-Allow-Origin', '*');
        if (method === 'OPTIONS') {
          res.writeHead(204, { 'access-control-allow-methods': 'GET, POST, PATCH, DELETE', 'access-control-allow-headers': 'content-type' }).end();
          return;
        }
        return await dispatch(control, method, path.slice('/_sandbox'.length).replace(/\/$/, ''), url, req, res);
      }
      if (path !== '/v2' && !path.startsWith('/v2/')) throw new SandboxError(404, 'NOT_FOUND', `no route ${method} ${path}; YCloud routes live under /v2`);
      const fault = faults.take(method, path);
      if (fault) {
        if (fault.kind === 'drop') {
          req.socket.destroy();
          return;
        }
        if (fault.kind === 'malformed') {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"offset":0,"items":[{"id":');
          return;
        }
        if (fault.kind === 'latency') await sleep(fault.latencyMs, undefined, { signal: life.signal });
        else throw faultError(fault);
      }
      const key = req.headers['x-api-key'];
      if (key !== world.data.apiKey) {
        throw new SandboxError(401, 'UNAUTHORIZED', key ? 'the API key is not valid' : 'the X-API-Key header is missing');
      }
      return await dispatch(API_ROUTES, method, path.slice(3), url, req, res);
    } catch (err) {
      if (closed) return void req.socket.destroy();
      if (res.headersSent || res.destroyed) return;
      if (err instanceof SandboxError) return sendError(res, err, rid);
      // A bug in the sandbox, never the client's fault: answer like YCloud would, and keep serving.
      sendJson(res, 500, errorBody(new SandboxError(500, 'INTERNAL_SERVER_ERROR', `sandbox bug: ${(err as Error).message}`), rid));
    }
  }

  async function dispatch(routes: Route[], method: string, path: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const found = match(routes, method, path);
    if (!found) throw new SandboxError(404, 'NOT_FOUND', `no route ${method} ${url.pathname}`);
    // Bring time-driven state up to date before every read or write.
    advance(world);
    const reply = await found.route.handler({ w: world, req, url, query: url.searchParams, params: found.params, body: () => readJson(req) });
    if (typeof reply.body === 'string') {
      res.writeHead(reply.status ?? 200, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) }).end(reply.body);
      return;
    }
    sendJson(res, reply.status ?? 200, reply.body, reply.headers);
  }

  const addr = await listenOn(server, { port: o.port, host: o.host });
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  origin = `http://${host}:${addr.port}`;
  tick();

  return {
    origin,
    baseUrl: `${origin}/v2`,
    get apiKey() {
      return world.data.apiKey;
    },
    port: addr.port,
    timeScale,
    get state() {
      return world.data;
    },
    faults,
    signup: (s = {}) => simulateSignup(world, s),
    tick,
    idle: () => delivery.idle(),
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      life.abort();
      delivery.close();
      await closeServer(server);
      await store.flush();
    },
  };
}

/**
 * The request target as a URL. An origin-form target (`/v2/…`, even `//x/…`) is always a path, never a
 * host; a target that does not parse is the client's fault (400), not a sandbox bug (500).
 */
function requestUrl(target = '/'): URL {
  try {
    return new URL(target.startsWith('/') ? `http://sandbox.local${target}` : target);
  } catch {
    throw new SandboxError(400, 'BAD_REQUEST', 'the request target is not a valid URL');
  }
}
