// `listen --forward-to`: the app gets the exact bytes YCloud signed and YCloud's own headers. With a
// forwarding secret (the command always has one, docs/webhooks.md) the YCloud-Signature is replaced by one
// made with it over the same bytes and a fresh timestamp, so the app verifies with a secret that does not
// change between runs; without one, YCloud's own signature is passed on. CONTRACT §13: answer within
// 6 s, so a slow app becomes a 502.
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { loadHttp } from '../api/undici.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';

export const FORWARD_TIMEOUT_MS = 6_000;

// Hop-by-hop headers describe our connection with YCloud, not the request itself.
const HOP_BY_HOP = new Set([
  'host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'te', 'trailer', 'expect',
  'proxy-authorization', 'proxy-connection',
]);

export function forwardHeaders(h: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP_BY_HOP.has(k.toLowerCase())) out[k] = v;
  return out;
}

/** Why a forward failed, for a message in the user's language (`error` is the English one). */
export type ForwardFailure = { kind: 'timeout'; seconds: number } | { kind: 'unreachable'; url: string; code: string };

export async function forwardDelivery(o: {
  url: string;
  raw: Buffer;
  headers: IncomingHttpHeaders;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  /** Sign again with this secret at `nowSeconds` (the listener has verified YCloud's signature). */
  resign?: { secret: string; nowSeconds: number };
}): Promise<{ status: number; error?: string; failure?: ForwardFailure }> {
  const { request } = await loadHttp();
  const timeoutMs = o.timeoutMs ?? FORWARD_TIMEOUT_MS;
  try {
    const headers = forwardHeaders(o.headers);
    if (o.resign) {
      for (const k of Object.keys(headers)) if (k.toLowerCase() === SIGNATURE_HEADER) delete headers[k];
      headers[SIGNATURE_HEADER] = signatureHeader(o.resign.secret, o.resign.nowSeconds, o.raw);
    }
    const res = await request(o.url, {
      method: 'POST',
      headers,
      body: o.raw,
      dispatcher: o.dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    await res.body.dump();
    return { status: res.statusCode };
  } catch (err) {
    const e = err as { name?: string; code?: string; message?: string };
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'UND_ERR_BODY_TIMEOUT';
    const failure: ForwardFailure = timedOut ? { kind: 'timeout', seconds: timeoutMs / 1000 } : { kind: 'unreachable', url: o.url, code: String(e.code ?? e.message) };
    return {
      status: 502,
      error: timedOut ? `the app did not answer within ${timeoutMs / 1000}s` : `could not reach the app at ${o.url}: ${e.code ?? e.message}`,
      failure,
    };
  }
}
