// POST an event the way YCloud does (CONTRACT §11–§12): JSON body, `YCloud-Signature: t=<now>,s=<hmac>`
// over the exact bytes sent, `X-Webhook-Endpoint-ID`. Used by `webhook trigger`, `webhook replay` and
// the sandbox's own webhook delivery.
import type { Dispatcher } from 'undici';
import { loadHttp } from '../api/undici.js';
import { abortAfter } from '../deadline.js';
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
  const { request } = await loadHttp();
  const t = Math.floor(o.nowMs / 1000);
  const started = Date.now();
  // A timer of our own for the whole exchange (see abortAfter: not AbortSignal.timeout in .any()).
  const step = abortAfter(o.timeoutMs ?? 10_000, o.signal);
  try {
    const res = await request(o.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'ycloud-signature': signatureHeader(o.secret, t, o.body),
        'x-webhook-endpoint-id': o.endpointId ?? 'ycp-local',
        'user-agent': o.userAgent ?? 'ycp-webhook-trigger',
      },
      body: o.body,
      dispatcher: o.dispatcher,
      signal: step.signal,
    });
    // Only the start of the answer is shown: stop reading there (and drop the rest), whatever comes.
    let text = '';
    for await (const chunk of res.body) {
      text += String(chunk);
      if (text.length >= 200) break;
    }
    return { status: res.statusCode, ms: Date.now() - started, body: text.slice(0, 200) };
  } finally {
    step.done();
  }
}
