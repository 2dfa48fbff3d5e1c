import type { Ctx } from '../context.js';
import { YcpError } from '../errors.js';
import { msg } from '../../i18n/index.js';
import type { PhoneNumber } from '../api/types.js';
import type { YcloudApi } from '../api/client.js';
import { waitDeadline, type Deadline } from '../deadline.js';
import { formatDuration } from '../duration.js';

/** Statuses that cannot turn into CONNECTED without a person acting: waiting longer would only hide that. */
export const TERMINAL_PHONE_STATUSES = new Set(['BANNED', 'BLOCKED', 'RESTRICTED', 'DISCONNECTED', 'MIGRATED']);

export interface WaitOptions {
  wabaId: string;
  e164: string;
  for: string;
  timeoutMs: number;
  /** The deadline the wait (and every request in it) runs under; default: `timeoutMs` from now. */
  deadline?: Deadline;
  intervalMs: number;
  /** A reading already in hand (from resolving the number): it counts as the first check. */
  first?: PhoneNumber;
  onPoll?: (p: { status: string; polls: number; elapsedMs: number; number: PhoneNumber }) => void;
}

export interface WaitResult {
  wabaId: string;
  e164: string;
  status: string;
  polls: number;
  elapsedMs: number;
  number: PhoneNumber;
}

export async function waitForPhoneStatus(ctx: Pick<Ctx, 'clock' | 'signal'> & { api: Pick<YcloudApi, 'within'> }, o: WaitOptions): Promise<WaitResult> {
  const start = ctx.clock.now();
  const deadline = o.deadline ?? waitDeadline(ctx.clock, o.timeoutMs);
  const api = ctx.api.within(deadline);
  let polls = 0;
  let last: string | undefined;
  let inHand = o.first;
  const stillNot = (elapsedMs: number, cause?: unknown) =>
    new YcpError('pending', msg('numbers.stillNot', { e164: o.e164, status: String(last), elapsed: formatDuration(elapsedMs), wanted: o.for }), {
      hint: msg('numbers.stillNotHint', { wabaId: o.wabaId, e164: o.e164 }),
      details: { status: last, polls, elapsedMs },
      cause,
    });
  for (;;) {
    let number: PhoneNumber;
    try {
      number = inHand ?? (await api.getPhoneNumber(o.wabaId, o.e164));
    } catch (err) {
      // The deadline ran out inside a check: with a status in hand that is "not yet" (exit 3); with none,
      // YCloud never answered, and the network error says so.
      if (last !== undefined && err instanceof YcpError && err.info.code === 'DEADLINE_EXCEEDED') throw stillNot(ctx.clock.now() - start, err);
      throw err;
    }
    inHand = undefined;
    polls++;
    const status = String(number?.status ?? 'UNKNOWN');
    last = status;
    const elapsedMs = ctx.clock.now() - start;
    o.onPoll?.({ status, polls, elapsedMs, number });
    if (status === o.for) return { wabaId: o.wabaId, e164: o.e164, status, polls, elapsedMs, number };
    if (TERMINAL_PHONE_STATUSES.has(status)) {
      throw new YcpError('pending', msg('numbers.stuck', { e164: o.e164, status, wanted: o.for }), {
        code: status,
        hint: msg(status === 'DISCONNECTED' ? 'numbers.stuckDisconnected' : 'numbers.stuckHint'),
        details: { status, polls, elapsedMs },
      });
    }
    const remaining = deadline.waitRemaining();
    if (remaining <= 0) throw stillNot(elapsedMs);
    await ctx.clock.sleep(Math.min(o.intervalMs, remaining), ctx.signal);
  }
}
