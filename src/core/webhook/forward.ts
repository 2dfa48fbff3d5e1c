// `listen --forward-to`: the app gets the exact bytes YCloud signed and YCloud's own headers. With a
// forwarding secret (the command always has one, docs/webhooks.md) the YCloud-Signature is replaced by one
// made with it over the same bytes and a fresh timestamp, so the app verifies with a secret that does not
// change between runs; without one, YCloud's own signature is passed on. CONTRACT §13: answer within
// 6 s, so a slow app becomes a 502.
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { isTimeoutError } from '../api/errors.js';
import { LocalPostFailed, postLocal } from '../local-post.js';
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
  const timeoutMs = o.timeoutMs ?? FORWARD_TIMEOUT_MS;
  try {
    const headers = forwardHeaders(o.headers);
    if (o.resign) {
      for (const k of Object.keys(headers)) if (k.toLowerCase() === SIGNATURE_HEADER) delete headers[k];
      headers[SIGNATURE_HEADER] = signatureHeader(o.resign.secret, o.resign.nowSeconds, o.raw);
    }
    const { status } = await postLocal({ url: o.url, body: o.raw, headers, dispatcher: o.dispatcher, timeoutMs, drain: true });
    return { status };
  } catch (err) {
    const failed = err instanceof LocalPostFailed;
    const e = (failed ? err.cause : err) as { code?: string; message?: string };
    const timedOut = (failed && err.timedOut) || isTimeoutError(e);
    const failure: ForwardFailure = timedOut ? { kind: 'timeout', seconds: timeoutMs / 1000 } : { kind: 'unreachable', url: o.url, code: String(e.code ?? e.message) };
    return {
      status: 502,
      error: timedOut ? `the app did not answer within ${timeoutMs / 1000}s` : `could not reach the app at ${o.url}: ${e.code ?? e.message}`,
      failure,
    };
  }
}
