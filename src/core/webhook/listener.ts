// The local webhook receiver behind `webhook listen` (and reusable by the demo and `signup serve`).
// CONTRACT §11–§13 and CLI.md §7: raw body captured before parsing, 1 MiB cap (413), signature
// checked against every candidate secret (400 otherwise, and the body is never shown or forwarded),
// dedupe on event `id`, the output line on disk before any 2xx, and the app's status passed back to
// YCloud so its own retries still happen when the app fails.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { DEFAULT_TOLERANCE_S, SIGNATURE_HEADER, verifySignature, type VerifyFailure } from './signature.js';
import { openRecorder, type EventRecorder } from './recorder.js';
import { forwardDelivery, FORWARD_TIMEOUT_MS, type ForwardFailure } from './forward.js';
import { closeServer, listenOn, readBodyCapped } from '../local-http.js';

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * A request must arrive whole (headers and body) within this long, or its connection is closed with a
 * 408. YCloud gives up on a delivery after 6 s (CONTRACT §13), so a body still missing after 10 s is a
 * stuck or hostile client, and thousands of them must not pile up (docs/webhooks.md).
 */
export const LISTEN_REQUEST_TIMEOUT_MS = 10_000;
/** Timeouts are reported together, at most once per this long, not one line per connection. */
const TIMEOUT_REPORT_MS = 1_000;
/**
 * Event ids remembered for dedupe. A long run must not grow without end (a few MiB at this size);
 * YCloud's retries of one event end about 5.6 h after the first try (CONTRACT §13), so an id older
 * than this many newer events is rarely redelivered. With --output the file's own id set still
 * keeps every event recorded once.
 */
export const DEFAULT_DEDUPE_WINDOW = 100_000;

export interface WebhookEvent {
  id: string;
  type: string;
  apiVersion?: string;
  createTime?: string;
  [payloadKey: string]: unknown;
}

export type RejectReason = VerifyFailure | 'too-large' | 'not-json' | 'no-event-id' | 'method' | 'record-failed';

export interface Rejection {
  status: number;
  reason: RejectReason;
  /** In English; `params` carry its facts for a message in the user's language. */
  detail: string;
  params?: Record<string, string | number>;
  /** Only set once the signature held (e.g. a signed body that is not JSON). */
  id?: string;
}

export interface ForwardResult {
  id: string;
  type: string;
  /** The app's status, or 502 when it did not answer in time or refused the connection. */
  status: number;
  ms: number;
  error?: string;
  failure?: ForwardFailure;
}

export interface ListenerOptions {
  /** Candidate secrets (rotation): a delivery is valid when any one matches. A function is read per delivery. */
  secrets: string[] | (() => string[]);
  port?: number;
  host?: string;
  toleranceSeconds?: number;
  /** Milliseconds since the epoch (ctx.clock.now in commands). */
  now?: () => number;
  /** Append each verified event to this NDJSON file, flushed before answering 2xx. */
  outputPath?: string;
  /** POST the raw body and the original headers here; YCloud gets the app's status. */
  forwardTo?: string;
  /** Sign each forwarded event again with this secret (forward.ts); without it YCloud's signature passes. */
  forwardSecret?: string;
  dispatcher?: Dispatcher;
  forwardTimeoutMs?: number;
  maxBodyBytes?: number;
  /** LISTEN_REQUEST_TIMEOUT_MS unless given (tests use less). */
  requestTimeoutMs?: number;
  /** How many recent event ids the dedupe remembers (DEFAULT_DEDUPE_WINDOW). */
  dedupeWindow?: number;
  /** The first verified delivery of an event id. */
  onEvent?(event: WebhookEvent, raw: Buffer): void;
  onDuplicate?(id: string): void;
  onReject?(r: Rejection): void;
  onForward?(r: ForwardResult): void;
  /** `count` requests were closed (408) for not arriving whole in `timeoutMs`; batched per second. */
  onTimeout?(count: number, timeoutMs: number): void;
}

export interface ListenerStats {
  received: number;
  events: number;
  duplicates: number;
  rejected: number;
  forwardedOk: number;
  forwardFailed: number;
  /** Requests closed for not arriving whole within the request timeout. */
  timedOut: number;
}

export interface WebhookListener {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly stats: ListenerStats;
  readonly recorder?: EventRecorder;
  /** Idempotent: stops accepting, ends open connections, closes the output file. */
  close(): Promise<void>;
}

export async function startWebhookListener(o: ListenerOptions): Promise<WebhookListener> {
  const host = o.host ?? '127.0.0.1';
  const maxBody = o.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = o.now ?? Date.now;
  const secrets = typeof o.secrets === 'function' ? o.secrets : () => o.secrets as string[];
  const recorder = o.outputPath ? await openRecorder(o.outputPath) : undefined;
  const stats: ListenerStats = { received: 0, events: 0, duplicates: 0, rejected: 0, forwardedOk: 0, forwardFailed: 0, timedOut: 0 };
  const requestTimeoutMs = o.requestTimeoutMs ?? LISTEN_REQUEST_TIMEOUT_MS;
  // Ids already shown (and recorded); ids fully handled (recorded, and the app answered 2xx).
  const window = o.dedupeWindow ?? DEFAULT_DEDUPE_WINDOW;
  const seen = recentIds(window);
  const done = recentIds(window);
  const inFlight = new Map<string, Promise<unknown>>();
  // Without an app to feed, an id in the file (this run or an earlier one) is fully handled. With
  // one, it is only known to be recorded: a redelivery still goes to the app, but is not written twice.
  const handled = (id: string) => done.has(id) || (!o.forwardTo && recorder?.has(id) === true);

  const answered = new WeakSet<object>();
  const reply = (res: ServerResponse, status: number, body: object, extra: Record<string, string> = {}) => {
    if (res.headersSent) return;
    if (res.socket) answered.add(res.socket);
    res.writeHead(status, { 'content-type': 'application/json', ...extra });
    res.end(JSON.stringify(body));
  };
  const reject = (res: ServerResponse, r: Rejection, extra?: Record<string, string>) => {
    stats.rejected++;
    o.onReject?.(r);
    reply(res, r.status, { error: r.reason }, extra);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.received++;
    if (req.method !== 'POST') {
      req.resume();
      return reject(res, { status: 405, reason: 'method', detail: `${req.method} is not accepted; YCloud delivers with POST`, params: { method: String(req.method) } }, { allow: 'POST' });
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      req.resume();
      return reject(res, tooLarge(declared, maxBody), { connection: 'close' });
    }
    // CONTRACT §12: the signature covers the exact raw bytes, so capture them before any parse.
    let body;
    try {
      body = await readBodyCapped(req, maxBody);
    } catch {
      // The connection went before the body was whole: closed for the request timeout (reported by
      // onTimeout) or by the client. Nobody is left to answer, and nothing was received to reject.
      return;
    }
    if (body.over) return reject(res, tooLarge(body.size, maxBody), { connection: 'close' });
    const raw = body.raw;

    const header = req.headers[SIGNATURE_HEADER];
    const v = verifySignature({
      header: Array.isArray(header) ? header[0] : header,
      rawBody: raw,
      secrets: secrets(),
      nowSeconds: Math.floor(now() / 1000),
      toleranceSeconds: o.toleranceSeconds ?? DEFAULT_TOLERANCE_S,
    });
    if (!v.ok) return reject(res, { status: 400, reason: v.reason, detail: v.detail });

    let event: WebhookEvent;
    try {
      event = JSON.parse(raw.toString('utf8')) as WebhookEvent;
    } catch {
      return reject(res, { status: 400, reason: 'not-json', detail: 'the signed body is not JSON' });
    }
    if (!event || typeof event !== 'object' || typeof event.id !== 'string' || !event.id) {
      return reject(res, { status: 400, reason: 'no-event-id', detail: 'the signed body has no event id' });
    }
    const id = event.id;
    // A concurrent delivery of the same id waits for the first to finish, then decides.
    for (let p = inFlight.get(id); p; p = inFlight.get(id)) await p.catch(() => undefined);
    if (handled(id)) {
      stats.duplicates++;
      o.onDuplicate?.(id);
      return reply(res, 200, { ok: true, duplicate: true });
    }
    const work = deliver(event, raw, req, res);
    inFlight.set(id, work);
    try {
      await work;
    } finally {
      inFlight.delete(id);
    }
  }

  async function deliver(event: WebhookEvent, raw: Buffer, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = event.id;
    const type = typeof event.type === 'string' ? event.type : 'unknown';
    if (!seen.has(id)) {
      if (recorder && !recorder.has(id)) {
        try {
          await recorder.append(id, event, raw);
        } catch (err) {
          // Not on disk, so not acknowledged: YCloud retries and nothing is lost.
          return reject(res, { status: 500, reason: 'record-failed', detail: `could not write to ${recorder.path}: ${(err as Error).message}`, params: { file: recorder.path, reason: (err as Error).message }, id });
        }
      }
      seen.add(id);
      stats.events++;
      o.onEvent?.(event, raw);
    }
    if (!o.forwardTo) {
      done.add(id);
      return reply(res, 200, { ok: true });
    }
    const started = Date.now();
    const f = await forwardDelivery({
      url: o.forwardTo,
      raw,
      headers: req.headers,
      dispatcher: o.dispatcher,
      timeoutMs: o.forwardTimeoutMs ?? FORWARD_TIMEOUT_MS,
      resign: o.forwardSecret ? { secret: o.forwardSecret, nowSeconds: Math.floor(now() / 1000) } : undefined,
    });
    const result: ForwardResult = { id, type, status: f.status, ms: Date.now() - started, error: f.error, failure: f.failure };
    if (f.status >= 200 && f.status < 300) {
      stats.forwardedOk++;
      done.add(id);
    } else {
      stats.forwardFailed++;
    }
    o.onForward?.(result);
    reply(res, f.status, f.status >= 200 && f.status < 300 ? { ok: true, forwarded: f.status } : { error: 'forward-failed', status: f.status });
  }

  // Timeouts come in bursts (a client holding many connections): one report per second with a count.
  let timeoutsToReport = 0;
  let reportTimer: NodeJS.Timeout | undefined;
  const reportTimeouts = () => {
    reportTimer = undefined;
    if (timeoutsToReport) o.onTimeout?.(timeoutsToReport, requestTimeoutMs);
    timeoutsToReport = 0;
  };

  const server = createServer({ requestTimeout: requestTimeoutMs, headersTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs / 2) }, (req, res) => {
    handle(req, res).catch((err) => {
      stats.rejected++;
      o.onReject?.({ status: 500, reason: 'record-failed', detail: (err as Error).message });
      reply(res, 500, { error: 'internal' });
    });
  });
  // YCloud and load tests keep connections alive; the default 5 s is fine but be explicit.
  server.keepAliveTimeout = 5_000;
  // What node does by default (408 for a request timeout, 431, 400), plus counting the timeouts.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      stats.timedOut++;
      timeoutsToReport++;
      reportTimer ??= setTimeout(reportTimeouts, TIMEOUT_REPORT_MS).unref();
    }
    // An answer already on its way (a 413 before the whole body came) must not be followed by another.
    if (!socket.writable || answered.has(socket)) return void socket.destroy();
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  const { port } = await listenOn(server, { port: o.port, host });
  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${host}:${port}`,
    stats,
    recorder,
    close() {
      closing ??= (async () => {
        await closeServer(server);
        clearTimeout(reportTimer);
        reportTimeouts();
        await Promise.allSettled([...inFlight.values()]);
        await recorder?.close();
      })();
      return closing;
    },
  };
}

function tooLarge(size: number, max: number): Rejection {
  return { status: 413, reason: 'too-large', detail: `the body is ${size} bytes; the limit is ${max}`, params: { size, max } };
}

/** An insertion-ordered id set that forgets its oldest id past `max`. */
function recentIds(max: number): { has(id: string): boolean; add(id: string): void } {
  const ids = new Set<string>();
  return {
    has: (id) => ids.has(id),
    add(id) {
      if (ids.has(id)) return;
      ids.add(id);
      if (ids.size > max) ids.delete(ids.values().next().value!);
    },
  };
}
