import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { formatDuration } from '../../core/duration.js';
import type { Message } from '../../core/api/types.js';
import { buildSendRequest, reached } from '../../core/message/build.js';
import { success, say } from '../../ui/format.js';
import { emitLine, errorDocument, render } from '../../ui/render.js';
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
  const api = await ctx.api();
  const sent = await api.sendMessage(body, { direct: o.direct });
  if (!o.wait) {
    render(ctx.io, o, sent, (m) => {
      success(ctx.io, `Message ${m.id} to ${m.to ?? body.to}: ${m.status ?? 'accepted'}`);
      say(ctx.io, `follow it: ycp message get ${m.id}`);
      return `${m.id}\t${m.status ?? ''}`;
    });
    return;
  }
  const line = (event: string, m: Message, elapsedMs: number) =>
    emitLine(ctx.io, { event, id: m.id, status: m.status, wamid: m.wamid, errorCode: m.errorCode, errorMessage: m.errorMessage, elapsedMs });
  if (o.json) line('sent', sent, 0);
  else say(ctx.io, `Message ${sent.id} ${sent.status ?? 'accepted'}; waiting for ${o.wait}…`);
  const start = ctx.clock.now();
  const spin = startSpinner(ctx.io, `Waiting for ${sent.id} to be ${o.wait}`, { json: o.json });
  let m = sent;
  let last = sent.status;
  try {
    for (;;) {
      if (m.status === 'failed') {
        throw new YcpError('api', `message ${m.id} failed: ${m.errorMessage ?? 'no reason given'}`, {
          code: m.errorCode,
          hint: 'check the recipient, the template and the 24 h window; `ycp message get ' + m.id + '` shows the details',
        });
      }
      if (reached(m.status, o.wait)) break;
      const elapsed = ctx.clock.now() - start;
      if (elapsed >= o.timeout) {
        throw new YcpError('pending', `message ${m.id} is still ${m.status ?? 'unknown'} after ${formatDuration(elapsed)} (wanted ${o.wait})`, {
          hint: `ycp message get ${m.id}`,
        });
      }
      await ctx.clock.sleep(Math.min(o.interval, o.timeout - elapsed), ctx.signal);
      m = await api.getMessage(sent.id);
      if (m.status !== last) {
        last = m.status;
        if (o.json) line('status', m, ctx.clock.now() - start);
        spin.update(`Waiting for ${sent.id} to be ${o.wait} · last seen ${m.status}`);
      }
    }
    spin.stop();
    if (o.json) line('done', m, ctx.clock.now() - start);
    else {
      success(ctx.io, `Message ${m.id} is ${m.status} (${formatDuration(ctx.clock.now() - start)})`);
      ctx.io.stdout.write(`${m.id}\t${m.status}\n`);
    }
  } catch (err) {
    spin.stop();
    if (o.json && err instanceof YcpError) {
      emitLine(ctx.io, errorDocument(err));
      throw Object.assign(err, { printed: true });
    }
    throw err;
  }
}
