// What our own local HTTP servers (webhook listener, sandbox, signup capture server) all do the same
// way: listen and wait for it (an EADDRINUSE rejects), read a body with a size cap, close for good.
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Resolves with the bound address once listening; a listen error (EADDRINUSE, EACCES) rejects. */
export function listenOn(server: Server, o: { port?: number; host?: string; signal?: AbortSignal } = {}): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: o.port ?? 0, host: o.host ?? '127.0.0.1', signal: o.signal }, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
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
