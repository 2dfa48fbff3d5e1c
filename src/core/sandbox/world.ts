// What every route and background job shares: the state, the clock, the time scale and the event sink.
import type { Store } from './store.js';
import type { SandboxData, SandboxEvent } from './types.js';
import { eventId } from './ids.js';
import { buildEvent } from '../webhook/event-types.js';

/** Nominal delays (ms at time-scale 1); each is divided by the time scale. */
export const DELAYS = {
  /** register → CONNECTED */
  register: 5_000,
  /** accepted → sent → delivered → read, from the send */
  sent: 1_000,
  delivered: 2_000,
  read: 4_000,
  /** a submitted or edited template → APPROVED / REJECTED (reviews.ts) */
  templateReview: 3_000,
  /** a requested display name → APPROVED / DECLINED */
  nameReview: 4_000,
} as const;

/** CONTRACT §13: 10 s → 30 s → 5 min → 30 min → 1 h → 2 h → 2 h, then the event is dropped. */
export const RETRY_SCHEDULE_MS = [10_000, 30_000, 300_000, 1_800_000, 3_600_000, 7_200_000, 7_200_000] as const;

/** CONTRACT §8: 10 registration attempts per number in a moving 72-hour window. */
export const REGISTER_LIMIT = { tries: 10, windowMs: 72 * 3_600_000 } as const;

export const MAX_ENDPOINTS = 20;

export interface World {
  store: Store;
  readonly data: SandboxData;
  now(): number;
  iso(ms?: number): string;
  timeScale: number;
  /** A nominal delay at this time scale. */
  scaled(nominalMs: number): number;
  /** Builds an `Event` (payload under its type's key) and hands it to delivery. */
  emit(type: string, payload: unknown): SandboxEvent;
  /** Something new is scheduled: re-arm the timer. */
  wake(): void;
  changed(): void;
}

export function createWorld(o: {
  store: Store;
  now: () => number;
  timeScale: number;
  deliver: (e: SandboxEvent) => void;
  wake: () => void;
}): World {
  const w: World = {
    store: o.store,
    get data() {
      return o.store.data;
    },
    now: o.now,
    iso: (ms) => new Date(ms ?? o.now()).toISOString(),
    timeScale: o.timeScale,
    scaled: (ms) => Math.round(ms / o.timeScale),
    emit(type, payload) {
      const event = buildEvent(type, { id: eventId(), createTime: w.iso() }, structuredClone(payload));
      o.deliver(event);
      return event;
    },
    wake: o.wake,
    changed: () => o.store.changed(),
  };
  return w;
}
