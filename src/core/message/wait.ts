import type { Clock } from '../clock.js';
import { waitDeadline, type Deadline } from '../deadline.js';
import { YcpError } from '../errors.js';
import { msg } from '../../i18n/index.js';
import { formatDuration } from '../duration.js';
import type { YcloudApi } from '../api/client.js';
import type { Message } from '../api/types.js';
import { reached } from './build.js';

export interface MessageWaitOptions {
  /** The message as `send` returned it: the first reading. */
  first: Message;
  wanted: string;
  timeoutMs: number;
  /** The deadline the wait (and every request in it) runs under; default: `timeoutMs` from now. */
  deadline?: Deadline;
  intervalMs: number;
  onStatus?: (m: Message, elapsedMs: number) => void;
}

/** Follows a message until it reaches `wanted` (or later: events arrive out of order), fails, or times out. */
export async function waitForMessageStatus(
  ctx: { api: Pick<YcloudApi, 'within'>; clock: Clock; signal: AbortSignal },
  o: MessageWaitOptions,
): Promise<{ message: Message; elapsedMs: number }> {
  const start = ctx.clock.now();
  const deadline = o.deadline ?? waitDeadline(ctx.clock, o.timeoutMs);
  const api = ctx.api.within(deadline);
  let m = o.first;
  let last = m.status;
  const stillNot = (elapsed: number, cause?: unknown) =>
    new YcpError('pending', msg('messages.stillNot', { id: m.id, status: m.status ?? msg('cli.unknown'), elapsed: formatDuration(elapsed), wanted: o.wanted }), {
      hint: `ycp message get ${m.id}`,
      cause,
    });
  for (;;) {
    if (m.status === 'failed') {
      throw new YcpError('api', msg('messages.failed', { id: m.id, reason: m.errorMessage ?? msg('messages.noReason') }), {
        code: m.errorCode,
        hint: msg('messages.failedHint', { id: m.id }),
      });
    }
    if (reached(m.status, o.wanted)) return { message: m, elapsedMs: ctx.clock.now() - start };
    const remaining = deadline.waitRemaining();
    if (remaining <= 0) throw stillNot(ctx.clock.now() - start);
    await ctx.clock.sleep(Math.min(o.intervalMs, remaining), ctx.signal);
    try {
      m = await api.getMessage(o.first.id);
    } catch (err) {
      // Out of time inside a check: the status in hand is the answer (exit 3, "not yet").
      if (err instanceof YcpError && err.info.code === 'DEADLINE_EXCEEDED') throw stillNot(ctx.clock.now() - start, err);
      throw err;
    }
    if (m.status !== last) {
      last = m.status;
      o.onStatus?.(m, ctx.clock.now() - start);
    }
  }
}
