// The one way tests wait for something that happens on its own time (a line printed, a server closed, a
// process gone): poll the real condition, bounded, and when it never holds say what never happened and
// for how long we waited. A fixed sleep stays only where the waiting itself is the point of a test
// (proving nothing happens within a window), with a comment that says so.
import { setTimeout as sleep } from 'node:timers/promises';

export interface UntilOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Time between checks (default 20 ms). */
  intervalMs?: number;
}

/**
 * Resolves, once `predicate` returns something truthy, with that value (so a wait for a line can hand back
 * what it matched); rejects after `timeoutMs` with "timed out after N ms waiting for <what>".
 * `what` may be a function, called only on failure, to add what was seen (the output so far).
 * A predicate that throws ends the wait with its error (e.g. "the process exited first").
 */
export async function until<T>(
  predicate: () => T | Promise<T>,
  what: string | (() => string),
  o: UntilOptions = {},
): Promise<Exclude<T, false | 0 | '' | null | undefined>> {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const intervalMs = o.intervalMs ?? 20;
  const started = Date.now();
  for (;;) {
    const v = await predicate();
    if (v) return v as Exclude<T, false | 0 | '' | null | undefined>;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new Error(`timed out after ${waited} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await sleep(Math.min(intervalMs, timeoutMs - waited));
  }
}
