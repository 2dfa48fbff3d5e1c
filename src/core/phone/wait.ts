import type { Ctx } from '../context.js';
import { YcpError } from '../errors.js';
import type { PhoneNumber } from '../api/types.js';
import { formatDuration } from '../duration.js';

/** Statuses that cannot turn into CONNECTED without a person acting: waiting longer would only hide that. */
export const TERMINAL_PHONE_STATUSES = new Set(['BANNED', 'BLOCKED', 'RESTRICTED', 'DISCONNECTED', 'MIGRATED']);

export interface WaitOptions {
  wabaId: string;
  e164: string;
  for: string;
  timeoutMs: number;
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

export async function waitForPhoneStatus(ctx: Pick<Ctx, 'clock' | 'signal'> & { api: Awaited<ReturnType<Ctx['api']>> }, o: WaitOptions): Promise<WaitResult> {
  const start = ctx.clock.now();
  let polls = 0;
  let last: string | undefined;
  let inHand = o.first;
  for (;;) {
    const number = inHand ?? (await ctx.api.getPhoneNumber(o.wabaId, o.e164));
    inHand = undefined;
    polls++;
    const status = String(number?.status ?? 'UNKNOWN');
    last = status;
    const elapsedMs = ctx.clock.now() - start;
    o.onPoll?.({ status, polls, elapsedMs, number });
    if (status === o.for) return { wabaId: o.wabaId, e164: o.e164, status, polls, elapsedMs, number };
    if (TERMINAL_PHONE_STATUSES.has(status)) {
      throw new YcpError('pending', `${o.e164} is ${status}: it cannot become ${o.for} without someone acting`, {
        code: status,
        hint: status === 'DISCONNECTED' ? 'reconnect the number in WhatsApp Manager, then register it again' : 'check the number in WhatsApp Manager or ask YCloud support',
        details: { status, polls, elapsedMs },
      });
    }
    const remaining = o.timeoutMs - elapsedMs;
    if (remaining <= 0) {
      throw new YcpError('pending', `${o.e164} is still ${last} after ${formatDuration(elapsedMs)} (wanted ${o.for})`, {
        hint: `wait longer: ycp phone wait ${o.wabaId} ${o.e164} --timeout 30m`,
        details: { status: last, polls, elapsedMs },
      });
    }
    await ctx.clock.sleep(Math.min(o.intervalMs, remaining), ctx.signal);
  }
}
