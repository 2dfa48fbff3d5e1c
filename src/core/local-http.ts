// What our own local HTTP servers (webhook listener, sandbox, signup capture server) all do the same
// way: listen and wait for it (an EADDRINUSE rejects), read a body with a size cap, close for good.
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { YcpError, abortError } from './errors.js';
import { msg } from '../i18n/index.js';

/**
 * Resolves with the bound address once listening. A port that is taken or not allowed is the user's
 * --port to change (exit 2); other listen errors reject as they are.
 */
export function listenOn(server: Server, o: { port?: number; host?: string; signal?: AbortSignal } = {}): Promise<AddressInfo> {
  const port = o.port ?? 0;
  const host = o.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    // node closes the server on abort but never emits 'listening' or 'error': without this the
    // promise (and the run, after Ctrl-C) would wait forever.
    const onAbort = () => {
      server.off('error', onError);
      reject(abortError());
    };
    const onError = (err: NodeJS.ErrnoException) => {
      o.signal?.removeEventListener('abort', onAbort);
      reject(listenError(err, port, host));
    };
    if (o.signal?.aborted) return onAbort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    server.once('error', onError);
    server.listen({ port, host, signal: o.signal }, () => {
      server.off('error', onError);
      o.signal?.removeEventListener('abort', onAbort);
      resolve(server.address() as AddressInfo);
    });
  });
}

function listenError(err: NodeJS.ErrnoException, port: number, host: string): Error {
  const hint = msg('sys.portHint');
  if (err.code === 'EADDRINUSE') return new YcpError('usage', msg('sys.portInUse', { port, host }), { hint, cause: err });
  if (err.code === 'EACCES') return new YcpError('usage', msg('sys.portDenied', { port, host }), { hint, cause: err });
  return err;
}

/** Stops accepting and ends open keep-alive connections, so close() does not wait for clients to leave. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Past the cap the rest is read and dropped, so the client still gets an answer (413), not a reset. */
export interface CappedBody {
  /** The exact bytes received (empty when over the cap). */
  raw: Buffer;
  /** Bytes received in all. */
  size: number;
  over: boolean;
}

/** Event callbacks rather than `for await`: measurably cheaper per request (bench/listen.mjs). */
export function readBodyCapped(req: IncomingMessage, max: number): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
      else chunks = [];
    });
    req.once('end', () => resolve({ raw: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), size, over: size > max }));
    req.once('error', reject);
  });
}
