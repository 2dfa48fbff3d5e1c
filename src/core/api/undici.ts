import type { Dispatcher } from 'undici';

type RequestFn = (
  url: URL | string,
  opts: Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher?: Dispatcher },
) => Promise<Dispatcher.ResponseData>;
type ProxyAgentCtor = new (opts: Record<string, unknown>) => Dispatcher;
export interface Http {
  request: RequestFn;
  EnvHttpProxyAgent: ProxyAgentCtor;
}

let cached: Promise<Http> | undefined;

/**
 * The slice of undici that ycp uses, imported on first use. The package's index pulls in fetch,
 * WebSocket, caches and mocks (~1 MB, ~55 ms to load here); the request API and the proxy-aware agent
 * are half of that. Tests pass a MockAgent, which implements the same Dispatcher interface.
 */
export function loadHttp(): Promise<Http> {
  cached ??= Promise.all([
    // undici parses HTTP with a WebAssembly build of llhttp. V8 optimises it on background threads and
    // Node waits for that work before it can exit: ~60-100 ms on every API command. A CLI sends a handful
    // of requests, for which V8's baseline wasm compiler is plenty. Set before the first connection.
    import('node:v8').then(({ default: v8 }) => v8.setFlagsFromString('--liftoff-only')),
    import('undici/lib/api/api-request.js'),
    import('undici/lib/dispatcher/env-http-proxy-agent.js'),
    import('undici/lib/dispatcher/agent.js'),
    import('undici/lib/api/api-connect.js'),
    import('undici/lib/dispatcher/dispatcher.js'),
  ]).then(([, req, proxyAgent, agent, connect, dispatcher]) => {
    const apiRequest = unwrap(req) as (this: Dispatcher, opts: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
    const Agent = unwrap(agent) as ProxyAgentCtor;
    // undici's index puts its request APIs on Dispatcher.prototype; ProxyAgent opens its CONNECT tunnel
    // with one of them (`pool.connect()`). Without the index, that one has to be put there by hand, or
    // every proxied request fails with "this[kClient].connect is not a function" (test/e2e/proxy.test.ts).
    const proto = (unwrap(dispatcher) as { prototype: Record<string, unknown> }).prototype;
    proto.connect ??= unwrap(connect);
    let direct: Dispatcher | undefined;
    return {
      // What undici's own `request(url, opts)` does: split the URL and call the API on the dispatcher.
      // Without one (local traffic: forwarding to the partner's app, trigger, replay) a direct agent
      // is used, never a proxy.
      request: (url, { dispatcher, ...opts }) => {
        const u = typeof url === 'string' ? new URL(url) : url;
        return apiRequest.call(dispatcher ?? (direct ??= new Agent({})), {
          ...opts,
          origin: u.origin,
          path: u.pathname + u.search,
        } as Dispatcher.RequestOptions);
      },
      EnvHttpProxyAgent: unwrap(proxyAgent) as ProxyAgentCtor,
    };
  });
  return cached;
}

/** A dynamic import of a CommonJS file yields `{ default: module.exports }` (in Node and in the bundle). */
function unwrap(m: unknown): unknown {
  const d = (m as { default?: unknown }).default;
  return d ?? m;
}
