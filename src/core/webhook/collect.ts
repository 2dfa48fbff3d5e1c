// Verified events kept in memory, with a way to wait for one: what `ycp demo` (and tests) need on top
// of `startWebhookListener`, which hands each first verified delivery to `onEvent` and keeps nothing.
import type { WebhookEvent } from './listener.js';

export interface EventCollector {
  /** In arrival order; the listener already dropped repeats of an id. */
  readonly events: WebhookEvent[];
  /** Pass as the listener's `onEvent`. */
  add(event: WebhookEvent): void;
  /** The first collected event matching `pred` (already here, or the next to arrive). */
  waitFor(pred: (e: WebhookEvent) => boolean, o: { timeoutMs: number; signal?: AbortSignal; what?: string }): Promise<WebhookEvent>;
}

export function eventCollector(): EventCollector {
  const events: WebhookEvent[] = [];
  const waiters = new Set<(e: WebhookEvent) => void>();
  return {
    events,
    add(event) {
      events.push(event);
      for (const w of [...waiters]) w(event);
    },
    waitFor(pred, o) {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
          o.signal?.removeEventListener('abort', onAbort);
        };
        const check = (e: WebhookEvent) => {
          if (!pred(e)) return;
          done();
          resolve(e);
        };
        const onAbort = () => {
          done();
          reject(o.signal!.reason);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${o.what ?? 'matching webhook event'} within ${o.timeoutMs} ms`));
        }, o.timeoutMs);
        if (o.signal?.aborted) return onAbort();
        o.signal?.addEventListener('abort', onAbort, { once: true });
        waiters.add(check);
      });
    },
  };
}
