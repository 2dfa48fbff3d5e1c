// A tiny loopback webhook receiver that verifies every delivery with `verifySignature` (CONTRACT §12)
// before accepting it. The demo points a sandbox endpoint at it; tests use it to watch deliveries.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature, SIGNATURE_HEADER } from '../webhook/signature.js';

export interface ReceivedEvent {
  id: string;
  type: string;
  endpointId?: string;
  /** The parsed body (verified before parsing). */
  event: Record<string, unknown>;
  raw: string;
}

export interface Receiver {
  url: string;
  /** Verified events, in arrival order. */
  events: ReceivedEvent[];
  /** Deliveries answered 400 because the signature did not verify. */
  rejected: { reason: string; detail: string }[];
  /** The secrets a signature may match (set once the endpoint exists; rotate by adding one). */
  setSecrets(secrets: string[]): void;
  /** Answer the next `n` deliveries with this status instead of verifying them (tests of retries). */
  failNext(n: number, status?: number): void;
  waitFor(pred: (e: ReceivedEvent) => boolean, timeoutMs: number): Promise<ReceivedEvent>;
  close(): Promise<void>;
}

export async function startReceiver(o: { now: () => number; path?: string; toleranceSeconds?: number }): Promise<Receiver> {
  let secrets: string[] = [];
  let failing = 0;
  let failStatus = 500;
  const events: ReceivedEvent[] = [];
  const rejected: Receiver['rejected'] = [];
  const waiters = new Set<(e: ReceivedEvent) => void>();
  const path = o.path ?? '/webhook';

  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== path) return void res.writeHead(404).end();
    const raw = await readAll(req);
    if (failing > 0) {
      failing--;
      return void res.writeHead(failStatus).end();
    }
    // Verify the exact bytes received before parsing anything.
    const v = verifySignature({ header: headerOf(req, SIGNATURE_HEADER), rawBody: raw, secrets, nowSeconds: Math.floor(o.now() / 1000), toleranceSeconds: o.toleranceSeconds });
    if (!v.ok) {
      rejected.push({ reason: v.reason, detail: v.detail });
      return void res.writeHead(400).end();
    }
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      rejected.push({ reason: 'bad-json', detail: 'the body is not JSON' });
      return void res.writeHead(400).end();
    }
    res.writeHead(204).end();
    const got: ReceivedEvent = { id: String(event.id), type: String(event.type), endpointId: headerOf(req, 'x-webhook-endpoint-id'), event, raw: raw.toString('utf8') };
    // YCloud may deliver an event more than once: keep the first (CONTRACT §11 dedupe on id).
    if (events.some((e) => e.id === got.id && e.endpointId === got.endpointId)) return;
    events.push(got);
    for (const w of waiters) w(got);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    events,
    rejected,
    setSecrets: (s) => void (secrets = s),
    failNext(n, status = 500) {
      failing = n;
      failStatus = status;
    },
    waitFor(pred, timeoutMs) {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching webhook event within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = (e: ReceivedEvent) => {
          if (!pred(e)) return;
          clearTimeout(t);
          waiters.delete(check);
          resolve(e);
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
