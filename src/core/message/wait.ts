import type { Clock } from '../clock.js';
import { YcpError } from '../errors.js';
import { formatDuration } from '../duration.js';
import type { YcloudApi } from '../api/client.js';
import type { Message } from '../api/types.js';
import { reached } from './build.js';

export interface MessageWaitOptions {
  /** The message as `send` returned it: the first reading. */
  first: Message;
  wanted: string;
  timeoutMs: number;
  intervalMs: number;
  onStatus?: (m: Message, elapsedMs: number) => void;
}

/** Follows a message until it reaches `wanted` (or later: events arrive out of order), fails, or times out. */
export async function waitForMessageStatus(
  ctx: { api: Pick<YcloudApi, 'getMessage'>; clock: Clock; signal: AbortSignal },
  o: MessageWaitOptions,
): Promise<{ message: Message; elapsedMs: number }> {
  const start = ctx.clock.now();
  let m = o.first;
  let last = m.status;
  for (;;) {
    if (m.status === 'failed') {
      throw new YcpError('api', `message ${m.id} failed: ${m.errorMessage ?? 'no reason given'}`, {
        code: m.errorCode,
        hint: `check the recipient, the template and the 24 h window; \`ycp message get ${m.id}\` shows the details`,
      });
    }
    if (reached(m.status, o.wanted)) return { message: m, elapsedMs: ctx.clock.now() - start };
    const elapsed = ctx.clock.now() - start;
    if (elapsed >= o.timeoutMs) {
      throw new YcpError('pending', `message ${m.id} is still ${m.status ?? 'unknown'} after ${formatDuration(elapsed)} (wanted ${o.wanted})`, {
        hint: `ycp message get ${m.id}`,
      });
    }
    await ctx.clock.sleep(Math.min(o.intervalMs, o.timeoutMs - elapsed), ctx.signal);
    m = await ctx.api.getMessage(o.first.id);
    if (m.status !== last) {
      last = m.status;
      o.onStatus?.(m, ctx.clock.now() - start);
    }
  }
}
