// `listen` keeps an eye on its endpoint: YCloud moves an endpoint that fails often to `pending`, and
// a `disabled` or `pending` endpoint receives nothing (CONTRACT §5). Checked every `intervalMs` and
// soon after delivery problems (`nudge()`), so the user hears why events stopped.
import type { Clock } from '../clock.js';
import type { WebhookEndpoint } from '../api/types.js';

export interface EndpointWatch {
  /** Ask for an early check (rate-limited to one per `minGapMs`). */
  nudge(): void;
  readonly done: Promise<void>;
}

export function watchEndpointStatus(o: {
  get(): Promise<WebhookEndpoint>;
  clock: Clock;
  signal: AbortSignal;
  intervalMs: number;
  minGapMs?: number;
  onChange(status: string, endpoint: WebhookEndpoint): void;
  onError(err: unknown): void;
}): EndpointWatch {
  let last = 'active';
  let wake: (() => void) | undefined;
  let lastCheck = o.clock.now();
  const minGap = o.minGapMs ?? 10_000;
  const inner = new AbortController();
  o.signal.addEventListener('abort', () => inner.abort(), { once: true });

  async function loop(): Promise<void> {
    while (!o.signal.aborted) {
      const waitMs = o.intervalMs;
      await new Promise<void>((resolve) => {
        wake = resolve;
        o.clock.sleep(waitMs, inner.signal).then(resolve, resolve);
      });
      wake = undefined;
      if (o.signal.aborted) return;
      lastCheck = o.clock.now();
      try {
        const e = await o.get();
        const s = String(e.status ?? 'active');
        if (s !== last) {
          last = s;
          o.onChange(s, e);
        }
      } catch (err) {
        if (o.signal.aborted) return;
        o.onError(err);
      }
    }
  }
  const done = o.intervalMs > 0 ? loop() : Promise.resolve();
  return {
    done,
    nudge() {
      if (wake && o.clock.now() - lastCheck >= minGap) wake();
    },
  };
}
