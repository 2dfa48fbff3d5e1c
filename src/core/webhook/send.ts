// POST an event the way YCloud does (CONTRACT §11–§12): JSON body, `YCloud-Signature: t=<now>,s=<hmac>`
// over the exact bytes sent, `X-Webhook-Endpoint-ID`. Used by `webhook trigger`, `webhook replay` and
// the sandbox's own webhook delivery.
import type { Dispatcher } from 'undici';
import { postLocal } from '../local-post.js';
import { signatureHeader } from './signature.js';

export interface SendResult {
  status: number;
  ms: number;
  /** The start of the answer body, for a hint when the app rejects the event. */
  body: string;
}

export async function sendSignedEvent(o: {
  url: string;
  body: string | Buffer;
  secret: string;
  nowMs: number;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  endpointId?: string;
  timeoutMs?: number;
  userAgent?: string;
}): Promise<SendResult> {
  const a = await postLocal({
    url: o.url,
    body: o.body,
    headers: {
      'content-type': 'application/json',
      'ycloud-signature': signatureHeader(o.secret, Math.floor(o.nowMs / 1000), o.body),
      'x-webhook-endpoint-id': o.endpointId ?? 'ycp-local',
      'user-agent': o.userAgent ?? 'ycp-webhook-trigger',
    },
    dispatcher: o.dispatcher,
    signal: o.signal,
    timeoutMs: o.timeoutMs ?? 10_000,
    // Only the start of the answer is shown.
    readLimit: 200,
  });
  return { status: a.status, ms: a.ms, body: a.text };
}
