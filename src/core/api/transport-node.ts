// A direct connection through node:http / node:https: what a one-shot command uses (issue 14). undici's
// request path costs ~500 KB of JavaScript and a WebAssembly HTTP parser to load, more than the request
// itself; Node's own client is already in the binary. The policy (deadline, retries, body cap) is client.ts's.
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { Socket } from 'node:net';
import { abortError } from '../errors.js';
import { CONNECTION_CODES, CONNECT_TIMEOUT_MS, KEEP_ALIVE_MS, connectionError, resetError, type HttpRequest, type HttpResponse, type Transport } from './transport.js';

type Client = { request(o: RequestOptions, cb: (res: IncomingMessage) => void): ClientRequest; Agent: new (o: object) => Agent };

export interface NodeTransportOptions {
  connectTimeoutMs?: number;
  keepAliveMs?: number;
}

/** One keep-alive agent per scheme, created (and node:https loaded) on first use. */
export function nodeTransport(o: NodeTransportOptions = {}): Transport {
  const connectTimeoutMs = o.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const clients: Record<string, Promise<{ lib: Client; agent: Agent }>> = {};
  const client = (protocol: string) =>
    (clients[protocol] ??= (protocol === 'https:' ? import('node:https') : import('node:http')).then((m) => {
      const lib = (m as unknown as { default: Client }).default;
      // `timeout` closes an idle pooled socket after this long (shorter when the server's Keep-Alive
      // hint says so); a request in flight is left to the caller's signal.
      return { lib, agent: new lib.Agent({ keepAlive: true, timeout: o.keepAliveMs ?? KEEP_ALIVE_MS }) };
    }));

  return {
    async request(r: HttpRequest): Promise<HttpResponse> {
      if (r.url.protocol !== 'http:' && r.url.protocol !== 'https:') throw new Error(`unsupported protocol ${r.url.protocol}`);
      const { lib, agent } = await client(r.url.protocol);
      r.signal.throwIfAborted();
      return new Promise<HttpResponse>((resolve, reject) => {
        const headers: Record<string, string> = { ...r.headers };
        if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
        const req = lib.request({ method: r.method, protocol: r.url.protocol, hostname: r.url.hostname.replace(/^\[|\]$/g, ''), port: r.url.port, path: r.url.pathname + r.url.search, headers, agent }, (res) => {
          // From here on the body is the caller's: an abort or a reset surfaces while it is read.
          const onAbort = () => res.destroy(abortReason(r.signal));
          r.signal.addEventListener('abort', onAbort, { once: true });
          res.once('close', () => r.signal.removeEventListener('abort', onAbort));
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: wrapBody(res) });
        });
        const onAbort = () => req.destroy(abortReason(r.signal));
        r.signal.addEventListener('abort', onAbort, { once: true });
        req.once('response', () => r.signal.removeEventListener('abort', onAbort));
        req.once('error', (err) => {
          r.signal.removeEventListener('abort', onAbort);
          reject(r.signal.aborted ? err : normalise(err));
        });
        req.once('socket', (socket: Socket) => {
          if (!socket.connecting) return; // a pooled connection
          const timer = setTimeout(() => req.destroy(connectionError(CONNECTION_CODES.connectTimeout, `could not connect within ${connectTimeoutMs / 1000}s`)), connectTimeoutMs);
          socket.once(r.url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(timer));
          socket.once('close', () => clearTimeout(timer));
        });
        req.end(r.body);
      });
    },
  };
}

/**
 * The response as the reader sees it, chunk by chunk. Readable's own async iterator costs ~2 ms to set up on
 * every command; this one is a queue fed by 'data'. The reader consumes each chunk as it comes (readCapped,
 * which destroys the response past the cap), so the queue stays short. A reset mid-body carries the shared code.
 */
function wrapBody(res: IncomingMessage): HttpResponse['body'] {
  const queue: Buffer[] = [];
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  res.on('data', (chunk: Buffer) => (queue.push(chunk), notify()));
  res.on('end', () => ((ended = true), notify()));
  res.on('error', (err) => ((failure ??= err), notify()));
  res.on('close', () => {
    if (!ended) failure ??= connectionError(CONNECTION_CODES.reset, 'the connection was closed before the answer was complete');
    notify();
  });
  return {
    [Symbol.asyncIterator]: () => ({
      async next(): Promise<IteratorResult<Buffer>> {
        for (;;) {
          if (queue.length) return { value: queue.shift()!, done: false };
          if (failure) throw normalise(failure);
          if (ended) return { value: undefined, done: true };
          await new Promise<void>((r) => (wake = r));
        }
      },
      async return(): Promise<IteratorResult<Buffer>> {
        if (!ended) res.destroy();
        return { value: undefined, done: true };
      },
    }),
    destroy: (err?: Error) => res.destroy(err),
  };
}

/** node's errors already use the shared codes (ECONNREFUSED, ENOTFOUND, TLS); "socket hang up" is a reset. */
function normalise(err: unknown): unknown {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ECONNRESET' || e?.code === 'EPIPE') return resetError(err);
  return err;
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : abortError();
}
