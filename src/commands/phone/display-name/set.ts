import type { Ctx } from '../../../core/context.js';
import { flagDeadline } from '../../../core/deadline.js';
import { formatDuration } from '../../../core/duration.js';
import { checkDisplayName, waitForDisplayName } from '../../../core/phone/profile.js';
import { phoneTarget, resolvePhone } from '../../../core/phone/resolve.js';
import { t } from '../../../i18n/index.js';
import { say, success } from '../../../ui/format.js';
import { emitLine, render, streaming } from '../../../ui/render.js';
import { startSpinner } from '../../../ui/spinner.js';
import type { GlobalOpts } from '../../shared.js';

export async function phoneDisplayNameSet(ctx: Ctx, o: GlobalOpts & { wabaId: string; phone: string; name: string; wait?: boolean; timeout: number; interval: number }): Promise<void> {
  const lang = (await ctx.config()).lang;
  const target = phoneTarget(o.wabaId, o.phone);
  const name = checkDisplayName(o.name, lang); // exit 2 before any request
  const api = await ctx.api();
  const p = await resolvePhone(api, target);
  const r = await api.updateDisplayName(p.wabaId, p.e164, name);
  const status = String(r.newNameStatus ?? r.nameStatus ?? 'UNKNOWN');
  if (!o.wait) {
    if (!o.json) success(ctx.io, t(lang, 'ph.nameRequested', { name, phone: p.e164, status }));
    render(ctx.io, o, r, () => `${p.e164}\t${status}`);
    if (!o.json && status === 'PENDING_REVIEW') say(ctx.io, t(lang, 'ph.nameNext', { waba: p.wabaId, phone: p.e164 }));
    return;
  }
  if (o.json) emitLine(ctx.io, { event: 'requested', e164: p.e164, ...r });
  else success(ctx.io, t(lang, 'ph.nameRequested', { name, phone: p.e164, status }));
  const deadline = flagDeadline(ctx.clock, o.timeout);
  const spin = startSpinner(ctx.io, t(lang, 'ph.nameWaiting', { name }), { json: o.json });
  const done = await streaming(
    ctx.io,
    o,
    () =>
      waitForDisplayName(
        { api: api.within(deadline), clock: ctx.clock, signal: ctx.signal },
        {
          wabaId: p.wabaId, e164: p.e164, name, deadline, intervalMs: o.interval, lang,
          onPoll: (x) => {
            if (o.json) emitLine(ctx.io, { event: 'poll', e164: p.e164, status: x.status, polls: x.polls, elapsedMs: x.elapsedMs });
            spin.update(t(lang, 'ph.nameWaitingSeen', { name, elapsed: formatDuration(x.elapsedMs), status: x.status }));
          },
        },
      ),
    () => spin.stop(),
  );
  if (o.json) emitLine(ctx.io, { event: 'done', e164: p.e164, status: done.status, polls: done.polls, elapsedMs: done.elapsedMs, profile: done.value });
  else {
    success(ctx.io, t(lang, 'ph.nameDone', { name, status: done.status, polls: done.polls, elapsed: formatDuration(done.elapsedMs) }));
    ctx.io.stdout.write(`${p.e164}\t${done.status}\n`);
  }
}
