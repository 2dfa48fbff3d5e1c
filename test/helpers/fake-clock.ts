import { systemClock, type Clock } from '../../src/core/clock.js';

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

/**
 * Real time with the FakeClock's bookkeeping, for a run that meets real time elsewhere: an embedded
 * sandbox or listener that reads Date.now() (the demo journey). `advance` cannot move real time.
 */
export function createRealClock(): FakeClock {
  const start = Date.now();
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now(),
    elapsed: () => Date.now() - start,
    advance: () => {
      throw new Error('a real clock cannot be advanced');
    },
    async sleep(ms, signal) {
      sleeps.push(ms);
      await systemClock.sleep(ms, signal);
    },
  };
}

function abortError(): Error {
  return Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
}
