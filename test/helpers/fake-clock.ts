import type { Clock } from '../../src/core/clock.js';

export const T0 = Date.parse('2026-11-26T12:00:00.000Z');

/** A clock that jumps: sleep(ms) advances time at once, so a 10-minute wait takes milliseconds. */
export interface FakeClock extends Clock {
  elapsed(): number;
  advance(ms: number): void;
  sleeps: number[];
}

export function createFakeClock(start = T0): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    elapsed: () => now - start,
    advance: (ms) => void (now += ms),
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortError();
      sleeps.push(ms);
      now += ms;
      await new Promise((r) => setImmediate(r));
      if (signal?.aborted) throw abortError();
    },
  };
}

function abortError(): Error {
  return Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
}
