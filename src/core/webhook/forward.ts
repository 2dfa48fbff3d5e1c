// `listen --forward-to`: the app gets the exact bytes YCloud signed and YCloud's own headers, so the
// app verifies the signature itself. CONTRACT §13: answer within 6 s, so a slow app becomes a 502.
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { loadHttp } from '../api/undici.js';

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

export async function forwardDelivery(o: {
  url: string;
  raw: Buffer;
  headers: IncomingHttpHeaders;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
}): Promise<{ status: number; error?: string }> {
  const { request } = await loadHttp();
  const timeoutMs = o.timeoutMs ?? FORWARD_TIMEOUT_MS;
  try {
    const res = await request(o.url, {
      method: 'POST',
      headers: forwardHeaders(o.headers),
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
    return {
      status: 502,
      error: timedOut ? `the app did not answer within ${timeoutMs / 1000}s` : `could not reach the app at ${o.url}: ${e.code ?? e.message}`,
    };
  }
}
