import type { Ctx } from '../../core/context.js';
import { flagDeadline } from '../../core/deadline.js';
import { formatDuration } from '../../core/duration.js';
import { phoneTarget, resolvePhone } from '../../core/phone/resolve.js';
import { waitForPhoneStatus } from '../../core/phone/wait.js';
import { t } from '../../i18n/index.js';
import { printable, success } from '../../ui/format.js';
import { emitLine, streaming } from '../../ui/render.js';
import { startSpinner } from '../../ui/spinner.js';
import type { GlobalOpts } from '../shared.js';

export interface PhoneWaitOptions extends GlobalOpts {
  wabaId: string;
  phone: string;
  for: string;
  timeout: number;
  interval: number;
}

export async function phoneWait(ctx: Ctx, o: PhoneWaitOptions): Promise<void> {
  const target = phoneTarget(o.wabaId, o.phone);
  // One deadline for the whole command: resolving the number, every check and every interval.
  const deadline = flagDeadline(ctx.clock, o.timeout);
  const api = (await ctx.api()).within(deadline);
  const p = await resolvePhone(api, target);
  const l = ctx.io.lang;
  const spin = startSpinner(ctx.io, t(l, 'numbers.waiting', { e164: p.e164, status: o.for }), { json: o.json });
  const r = await streaming(
    ctx.io,
    o,
    () =>
      waitForPhoneStatus(
        { api, clock: ctx.clock, signal: ctx.signal },
        {
          wabaId: p.wabaId,
          e164: p.e164,
          for: o.for,
          timeoutMs: o.timeout,
          deadline,
          intervalMs: o.interval,
          first: p.number,
          onPoll: (e) => {
            if (o.json) emitLine(ctx.io, { event: 'poll', e164: p.e164, status: e.status, polls: e.polls, elapsedMs: e.elapsedMs });
            spin.update(t(l, 'numbers.waitingSeen', { e164: p.e164, status: o.for, elapsed: formatDuration(e.elapsedMs), last: e.status }));
          },
        },
      ),
    () => spin.stop(),
  );
  if (o.json) emitLine(ctx.io, { event: 'done', e164: r.e164, status: r.status, polls: r.polls, elapsedMs: r.elapsedMs });
  else {
    // One check: the number was already there (the first reading, taken while resolving it).
    const said = { e164: r.e164, status: String(r.status), polls: r.polls, elapsed: formatDuration(r.elapsedMs) };
    success(ctx.io, t(l, r.polls === 1 ? 'numbers.reachedAtOnce' : 'numbers.reached', said));
    ctx.io.stdout.write(`${r.e164}\t${printable(String(r.status))}\n`);
  }
}
