// One POST to the partner's own app or backend, never to YCloud: `webhook trigger` / `replay` and the
// sandbox's deliveries (signed events, core/webhook/send.ts), `signup serve --forward-to` and `signup
// trigger` (the page's result, core/signup/backend.ts). One timer of our own bounds the whole exchange,
// headers and body (abortAfter: not AbortSignal.timeout inside .any(), issue 10 §2), and only the start of
// the answer is read (or, for `listen --forward-to`, which passes on only the status, undici's dump()): an
// app that streams forever costs nothing.
import type { Dispatcher } from 'undici';
import { loadHttp } from './api/undici.js';
import { abortAfter } from './deadline.js';

export interface LocalAnswer {
  status: number;
  ms: number;
  /** The start of the answer body, at most `readLimit` characters. */
  text: string;
}

/** Why the exchange failed: `timedOut` when our timer ended it (else `cause` says what the network did). */
export class LocalPostFailed extends Error {
  override readonly name = 'LocalPostFailed';
  constructor(
    readonly timedOut: boolean,
    override readonly cause: unknown,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

export async function postLocal(o: {
  url: string;
  body: string | Buffer;
  headers: Record<string, string | string[]>;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  timeoutMs: number;
} & ({ readLimit: number } | { drain: true })): Promise<LocalAnswer> {
  const { request } = await loadHttp();
  const started = Date.now();
  const step = abortAfter(o.timeoutMs, o.signal);
  try {
    const res = await request(o.url, { method: 'POST', headers: o.headers, body: o.body, dispatcher: o.dispatcher, signal: step.signal });
    if ('drain' in o) {
      await res.body.dump(); // at most 128 KiB, its errors ignored: the status is the answer
      return { status: res.statusCode, ms: Date.now() - started, text: '' };
    }
    let text = '';
    for await (const chunk of res.body) {
      text += String(chunk);
      if (text.length >= o.readLimit) break; // drop the rest, whatever comes
    }
    return { status: res.statusCode, ms: Date.now() - started, text: text.slice(0, o.readLimit) };
  } catch (err) {
    if (o.signal?.aborted) throw err; // Ctrl-C: cancelled, not the app's problem
    throw new LocalPostFailed(step.why() === 'deadline', err);
  } finally {
    step.done();
  }
}
