import type { Ctx } from '../context.js';
import { YcpError } from '../errors.js';
import { msg } from '../../i18n/index.js';
import type { PhoneNumber } from '../api/types.js';
import type { YcloudApi } from '../api/client.js';
import { waitDeadline, type Deadline } from '../deadline.js';
import { formatDuration } from '../duration.js';
import { pollUntil } from '../poll-until.js';

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
  const deadline = o.deadline ?? waitDeadline(ctx.clock, o.timeoutMs);
  const api = ctx.api.within(deadline);
  const r = await pollUntil<PhoneNumber>({
    clock: ctx.clock,
    signal: ctx.signal,
    deadline,
    intervalMs: o.intervalMs,
    first: o.first,
    read: () => api.getPhoneNumber(o.wabaId, o.e164),
    status: (number) => String(number?.status ?? 'UNKNOWN'),
    done: (p) => p.status === o.for,
    onPoll: (p) => o.onPoll?.({ status: p.status, polls: p.polls, elapsedMs: p.elapsedMs, number: p.value }),
    hopeless: (p) =>
      TERMINAL_PHONE_STATUSES.has(p.status)
        ? new YcpError('pending', msg('numbers.stuck', { e164: o.e164, status: p.status, wanted: o.for }), {
            code: p.status,
            hint: msg(p.status === 'DISCONNECTED' ? 'numbers.stuckDisconnected' : 'numbers.stuckHint'),
            details: { status: p.status, polls: p.polls, elapsedMs: p.elapsedMs },
          })
        : undefined,
    stillNot: (p, cause) =>
      new YcpError('pending', msg('numbers.stillNot', { e164: o.e164, status: p.status, elapsed: formatDuration(p.elapsedMs), wanted: o.for }), {
        hint: msg('numbers.stillNotHint', { wabaId: o.wabaId, e164: o.e164 }),
        details: { status: p.status, polls: p.polls, elapsedMs: p.elapsedMs },
        cause,
      }),
  });
  return { wabaId: o.wabaId, e164: o.e164, status: r.status, polls: r.polls, elapsedMs: r.elapsedMs, number: r.value };
}
