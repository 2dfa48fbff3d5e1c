// The bytes-over-a-connection half of an API call (issue 14). Everything with a policy (the deadline and
// per-try timer that abort `signal`, retries, Retry-After, the body cap, request ids, --verbose lines,
// redaction) stays above, in client.ts, so it is the same whichever transport carries the request:
// - transport-node.ts: node:http / node:https, for a direct connection (what a one-shot command uses:
//   loading undici alone costs more than the whole request);
// - transport-undici.ts: an undici Dispatcher, when a proxy applies to the target (its EnvHttpProxyAgent)
//   and in tests (its MockAgent).
// test/core/api/transport.test.ts runs one contract suite against a real local server for both.

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request: connecting, waiting for headers and reading the body alike. */
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  /** Read it to the end (readCapped) or destroy it: destroying drops the connection. */
  body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown };
}

export interface Transport {
  /**
   * Resolves once the status line and headers arrived. A connection that fails rejects with an error
   * carrying one of CONNECTION_CODES (the same for every transport); an abort rejects with anything.
   */
  request(r: HttpRequest): Promise<HttpResponse>;
}

/** Connection failures, named the same whichever transport saw them (errors.ts lists them as network errors). */
export const CONNECTION_CODES = {
  refused: 'ECONNREFUSED',
  /** Closed or reset by the other side before the answer was complete. */
  reset: 'ECONNRESET',
  /** TCP and TLS handshake took longer than CONNECT_TIMEOUT_MS. */
  connectTimeout: 'ETIMEDOUT',
} as const;

/** A connection (TCP and TLS) that takes longer than this fails and is retried like any network error. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** How long an idle keep-alive connection is kept for the next request (undici's default). */
export const KEEP_ALIVE_MS = 4_000;

/** A transport's own error as the shared code, the original kept as the cause. */
export function connectionError(code: string, message: string, cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { code });
}

/** A socket closed under a request, worded the same whichever transport's name for it was caught. */
export function resetError(err: unknown): Error {
  return connectionError(CONNECTION_CODES.reset, `the connection was closed: ${(err as Error).message}`, err);
}
