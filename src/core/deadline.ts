// One deadline model (issue 10 §2, CLI.md "Deadlines"): every command that talks to the network runs
// under a total deadline, and every request, retry, backoff, Retry-After sleep and poll interval fits in
// what is left of it. Time is read from the Clock (a fake one in tests); only the abort of a request in
// flight needs a real timer, which `step()` owns.
import type { Clock } from './clock.js';
import { durationMs, formatDuration } from './duration.js';
import { YcpError, abortError } from './errors.js';
import { msg, type Msg } from '../i18n/index.js';

/** The `timeout` setting's default: the deadline of a one-shot network command. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** One try of one request waits at most this long (and never past the deadline). */
export const PER_TRY_TIMEOUT_MS = 30_000;
/** setTimeout fires at once past 2^31-1 ms; longer waits are cut into steps by the callers' loops. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Deadline {
  readonly budgetMs: number;
  /** The end of a --timeout wait keeps this much for a last check (budgetMs includes it). */
  readonly graceMs: number;
  /** Where the budget comes from and how to change it, for error hints ("--timeout 10s", …). */
  readonly hint: Msg;
  elapsed(): number;
  /** Milliseconds left, never negative. */
  remaining(): number;
  /** What a poll loop may still sleep: remaining() less the grace kept for the last check. */
  waitRemaining(): number;
  /** A signal for one request: aborts after min(capMs, remaining()) or when `parent` aborts. */
  step(parent: AbortSignal, capMs?: number): Step;
}

export interface Step {
  readonly signal: AbortSignal;
  /** Why the signal aborted: the per-try cap, the deadline, or the parent (Ctrl-C / SIGTERM). */
  why(): 'try' | 'deadline' | 'cancelled' | undefined;
  /** Clears the timer and the parent listener; call it whatever happened. */
  done(): void;
}

export function createDeadline(clock: Clock, budgetMs: number, hint: Msg, graceMs = 0): Deadline {
  const start = clock.now();
  const elapsed = () => clock.now() - start;
  const remaining = () => Math.max(0, budgetMs - elapsed());
  return {
    budgetMs,
    graceMs,
    hint,
    elapsed,
    remaining,
    waitRemaining: () => Math.max(0, remaining() - graceMs),
    step(parent, capMs = Infinity) {
      const left = remaining();
      const ms = Math.min(capMs, left);
      return abortAfter(ms, parent, ms < left ? 'try' : 'deadline');
    },
  };
}

/**
 * A signal that aborts after `ms` (why: `kind`) or when `parent` aborts (why: 'cancelled'). A plain
 * timer held by this closure, not AbortSignal.timeout() inside AbortSignal.any(): on Node 20 the
 * composite holds its sources weakly, a GC collects the timeout signal, and a request then waited for
 * undici's 300 s headersTimeout instead (the 400 s `waba list` of issue 10).
 */
export function abortAfter(ms: number, parent?: AbortSignal, kind: 'try' | 'deadline' = 'deadline'): Step {
  const ctl = new AbortController();
  let why: 'try' | 'deadline' | 'cancelled' | undefined;
  const abort = (w: NonNullable<typeof why>, reason: Error) => {
    if (ctl.signal.aborted) return;
    why = w;
    ctl.abort(reason);
  };
  const onParent = () => abort('cancelled', parent!.reason instanceof Error ? parent!.reason : abortError('cancelled'));
  const timer = setTimeout(() => abort(kind, timeoutError(ms)), Math.min(ms, MAX_TIMER_MS));
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  return {
    signal: ctl.signal,
    why: () => why,
    done() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParent);
    },
  };
}

/** The `timeout` setting (flag-less: YCP_TIMEOUT or the profile) as milliseconds; a bad value is exit 2. */
export function timeoutSettingMs(value: string | undefined, from?: string): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = durationMs(value);
  if (ms !== undefined && ms > 0) return ms;
  throw new YcpError('usage', from ? msg('http.badTimeout', { from, value }) : msg('http.badTimeoutSetting', { value }), { hint: msg('http.badTimeoutHint') });
}

/** The hint of the setting-based deadline: how long, and how to change it. */
export function settingHint(ms: number): Msg {
  return msg('http.deadlineSetting', { budget: short(ms) });
}

/** A deadline created from the `timeout` setting. */
export function settingDeadline(clock: Clock, ms: number): Deadline {
  return createDeadline(clock, ms, settingHint(ms));
}

/** A wait ends at its --timeout, then a last check has this long to answer ("10s ends within ~11 s"). */
export const WAIT_GRACE_MS = 1_000;

/** A command's own --timeout (phone wait, message send --wait, signup serve). */
export function flagDeadline(clock: Clock, ms: number): Deadline {
  return waitDeadline(clock, ms, msg('http.whenFlag', { budget: short(ms) }));
}

/** A wait of `ms` plus the grace of its last check; `when` says when it ends, for the hint. */
export function waitDeadline(clock: Clock, ms: number, when: Msg = msg('http.whenAfter', { budget: short(ms) })): Deadline {
  return createDeadline(clock, ms + WAIT_GRACE_MS, msg('http.deadlineWait', { when, grace: `${WAIT_GRACE_MS / 1000}s` }), WAIT_GRACE_MS);
}

/** "3s" rather than formatDuration's "3.0s", as a user would write it. */
const short = (ms: number) => formatDuration(ms).replace(/\.0s$/, 's');

function timeoutError(ms: number): Error {
  return Object.assign(new Error(`timed out after ${formatDuration(ms)}`), { name: 'TimeoutError' });
}
