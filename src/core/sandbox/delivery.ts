// Webhook delivery as YCloud does it (CONTRACT §11–13): POST the event to every active endpoint that
// enabled its type, signed with the endpoint's `whsec_` secret over the exact body bytes, retried on
// any non-2xx or no answer on the 10 s → … → 2 h schedule (scaled), then dropped.
import { sendSignedEvent } from '../webhook/send.js';
import { LocalPostFailed } from '../local-post.js';
import type { SandboxEvent, DeliveryLog } from './types.js';
import { RETRY_SCHEDULE_MS, type World } from './world.js';

interface Job {
  event: SandboxEvent;
  /** The exact bytes signed and sent; the same on every retry. */
  body: string;
  endpointId: string;
  attempt: number;
  dueAt: number;
}

const MAX_LOG = 500;
const TIMEOUT_MS = 10_000;

export interface Delivery {
  enqueue(event: SandboxEvent): void;
  /** Sends every job that is due; returns the earliest job still waiting. */
  run(): number | undefined;
  /** Resolves when no request is in flight (tests, close). */
  idle(): Promise<void>;
  /** Forget every queued job (reset). */
  clear(): void;
  close(): void;
  pending(): number;
}

export function createDelivery(getWorld: () => World): Delivery {
  const queue: Job[] = [];
  const inflight = new Set<Promise<void>>();
  // One endpoint gets its due events one after another, in the order they were emitted: concurrent POSTs
  // would finish in any order, and the out-of-order mode (`read` before `delivered`) would be a coin toss.
  const tails = new Map<string, Promise<void>>();
  const abort = new AbortController();

  function log(w: World, j: Job, entry: Omit<DeliveryLog, 'eventId' | 'eventType' | 'endpointId' | 'attempt' | 'at'>) {
    w.data.deliveries.push({ eventId: j.event.id, eventType: j.event.type, endpointId: j.endpointId, attempt: j.attempt, at: w.iso(), ...entry });
    if (w.data.deliveries.length > MAX_LOG) w.data.deliveries.splice(0, w.data.deliveries.length - MAX_LOG);
    w.changed();
  }

  async function send(w: World, j: Job): Promise<void> {
    const ep = w.data.endpoints.find((e) => e.id === j.endpointId);
    // Deleted, disabled or pending endpoints receive nothing (CONTRACT §5), retries included.
    if (!ep || ep.status !== 'active') {
      log(w, j, { outcome: 'skipped', error: ep ? `endpoint is ${ep.status}` : 'endpoint deleted' });
      return;
    }
    const result = await post({ url: ep.url, body: j.body, secret: ep.secret ?? '', nowMs: w.now(), endpointId: ep.id, signal: abort.signal });
    if (abort.signal.aborted) return;
    if (result.status !== undefined && result.status >= 200 && result.status < 300) {
      log(w, j, { outcome: 'delivered', status: result.status });
      return;
    }
    const retry = RETRY_SCHEDULE_MS[j.attempt - 1];
    if (retry === undefined) {
      log(w, j, { outcome: 'dropped', status: result.status, error: result.error });
      // An endpoint that keeps failing moves to pending and receives nothing until set active again.
      ep.status = 'pending';
      ep.updateTime = w.iso();
      w.changed();
      return;
    }
    log(w, j, { outcome: 'failed', status: result.status, error: result.error });
    queue.push({ ...j, attempt: j.attempt + 1, dueAt: w.now() + w.scaled(retry) });
    w.wake();
  }

  return {
    enqueue(event) {
      const w = getWorld();
      const body = JSON.stringify(event);
      for (const ep of w.data.endpoints) {
        if (ep.status !== 'active' || !ep.enabledEvents?.includes(event.type)) continue;
        queue.push({ event, body, endpointId: ep.id, attempt: 1, dueAt: w.now() });
      }
      w.wake();
    },
    run() {
      const w = getWorld();
      const now = w.now();
      let next: number | undefined;
      for (let i = 0; i < queue.length; ) {
        const j = queue[i]!;
        if (j.dueAt > now) {
          next = next === undefined ? j.dueAt : Math.min(next, j.dueAt);
          i++;
          continue;
        }
        queue.splice(i, 1);
        const p: Promise<void> = (tails.get(j.endpointId) ?? Promise.resolve())
          .then(() => send(w, j))
          .catch(() => {})
          .finally(() => {
            inflight.delete(p);
            if (tails.get(j.endpointId) === p) tails.delete(j.endpointId);
          });
        tails.set(j.endpointId, p);
        inflight.add(p);
      }
      return next;
    },
    async idle() {
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
    clear() {
      queue.length = 0;
    },
    close() {
      abort.abort();
      queue.length = 0;
    },
    pending: () => queue.length + inflight.size,
  };
}

/** Re-signed at each attempt (a fresh timestamp); any failure becomes a logged outcome, never a throw. */
async function post(o: { url: string; body: string; secret: string; nowMs: number; endpointId: string; signal: AbortSignal }): Promise<{ status?: number; error?: string }> {
  try {
    const r = await sendSignedEvent({ ...o, timeoutMs: TIMEOUT_MS, userAgent: 'ycp-sandbox' });
    return { status: r.status };
  } catch (err) {
    if (err instanceof LocalPostFailed && err.timedOut) return { error: `no answer within ${TIMEOUT_MS / 1000}s` };
    const e = (err instanceof LocalPostFailed ? err.cause : err) as Error & { code?: string; cause?: { code?: string } };
    return { error: e.cause?.code ?? e.code ?? e.message };
  }
}
