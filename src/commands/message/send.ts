import type { Ctx } from '../../core/context.js';
import { flagDeadline } from '../../core/deadline.js';
import { formatDuration } from '../../core/duration.js';
import type { Message } from '../../core/api/types.js';
import { buildSendRequest } from '../../core/message/build.js';
import { waitForMessageStatus } from '../../core/message/wait.js';
import { t } from '../../i18n/index.js';
import { printable as p, success, say } from '../../ui/format.js';
import { emitLine, render, streaming } from '../../ui/render.js';
import { startSpinner } from '../../ui/spinner.js';
import type { GlobalOpts } from '../shared.js';

export interface MessageSendOptions extends GlobalOpts {
  from: string;
  to: string;
  text?: string;
  template?: string;
  language?: string;
  param: string[];
  direct?: boolean;
  wait?: string;
  timeout: number;
  interval: number;
  externalId?: string;
}

export async function messageSend(ctx: Ctx, o: MessageSendOptions): Promise<void> {
  const body = buildSendRequest({ ...o, params: o.param });
  // With --wait, --timeout bounds the whole command, the send included; without, the timeout setting.
  const deadline = o.wait ? flagDeadline(ctx.clock, o.timeout) : undefined;
  const api = deadline ? (await ctx.api()).within(deadline) : await ctx.api();
  const sent = await api.sendMessage(body, { direct: o.direct });
  const l = ctx.io.lang;
  const status = (s: string | undefined) => s ?? t(l, 'messages.accepted');
  if (!o.wait) {
    render(ctx.io, o, sent, (m) => {
      success(ctx.io, t(l, 'messages.sent', { id: m.id, to: m.to ?? body.to, status: status(m.status) }));
      say(ctx.io, t(l, 'messages.follow', { command: `ycp message get ${p(m.id)}` }));
      return `${p(m.id)}\t${p(m.status ?? '')}`;
    });
    return;
  }
  const line = (event: string, m: Message, elapsedMs: number) =>
    emitLine(ctx.io, { event, id: m.id, status: m.status, wamid: m.wamid, errorCode: m.errorCode, errorMessage: m.errorMessage, elapsedMs });
  if (o.json) line('sent', sent, 0);
  else say(ctx.io, t(l, 'messages.waitingFor', { id: sent.id, status: status(sent.status), wanted: o.wait }));
  const spin = startSpinner(ctx.io, t(l, 'messages.spinner', { id: sent.id, wanted: o.wait }), { json: o.json });
  const { message: m, elapsedMs } = await streaming(
    ctx.io,
    o,
    () =>
      waitForMessageStatus(
        { api, clock: ctx.clock, signal: ctx.signal },
        {
          first: sent,
          wanted: o.wait!,
          timeoutMs: o.timeout,
          deadline,
          intervalMs: o.interval,
          onStatus: (msg, ms) => {
            if (o.json) line('status', msg, ms);
            spin.update(t(l, 'messages.spinnerSeen', { id: sent.id, wanted: o.wait!, last: status(msg.status) }));
          },
        },
      ),
    () => spin.stop(),
  );
  if (o.json) line('done', m, elapsedMs);
  else {
    success(ctx.io, t(l, 'messages.reached', { id: m.id, status: String(m.status), elapsed: formatDuration(elapsedMs) }));
    ctx.io.stdout.write(`${p(m.id)}\t${p(String(m.status))}\n`);
  }
}
