// One polling loop for the waits (phone status, template review, display-name review):
// read, report, stop when done or when a status can no longer turn into the wanted one,
// else sleep what is left of the interval and of the deadline. The first reading may already be in hand.
import type { Clock } from './clock.js';
import type { Deadline } from './deadline.js';
import { YcpError } from './errors.js';

export interface Poll<T> {
  value: T;
  status: string;
  polls: number;
  elapsedMs: number;
}

export interface PollOptions<T> {
  clock: Clock;
  signal: AbortSignal;
  deadline: Deadline;
  intervalMs: number;
  read(): Promise<T>;
  status(value: T): string;
  /** True when the wanted state is reached. */
  done(p: Poll<T>): boolean;
  /** The error that ends the wait early (a status that cannot become the wanted one), if any. */
  hopeless?(p: Poll<T>): YcpError | undefined;
  /** The "still not there" error (exit 3) at the deadline; `cause` is the deadline error of a request. */
  stillNot(p: Poll<T>, cause?: unknown): YcpError;
  onPoll?(p: Poll<T>): void;
  first?: T;
}

export async function pollUntil<T>(o: PollOptions<T>): Promise<Poll<T>> {
  const start = o.clock.now();
  let polls = 0;
  let last: Poll<T> | undefined;
  let inHand = o.first;
  for (;;) {
    let value: T;
    try {
      value = inHand ?? (await o.read());
    } catch (err) {
      // Out of time inside a request: with a reading in hand that is "not yet" (exit 3), not a failure.
      if (last && err instanceof YcpError && err.info.code === 'DEADLINE_EXCEEDED') throw o.stillNot({ ...last, elapsedMs: o.clock.now() - start }, err);
      throw err;
    }
    inHand = undefined;
    polls++;
    last = { value, status: o.status(value), polls, elapsedMs: o.clock.now() - start };
    o.onPoll?.(last);
    if (o.done(last)) return last;
    const stop = o.hopeless?.(last);
    if (stop) throw stop;
    const remaining = o.deadline.waitRemaining();
    if (remaining <= 0) throw o.stillNot(last);
    await o.clock.sleep(Math.min(o.intervalMs, remaining), o.signal);
  }
}
