import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { checkHttpUrl } from '../../core/validate.js';
import { readRecordedEvents } from '../../core/webhook/recorder.js';
import { t } from '../../i18n/index.js';
import { emitLine } from '../../ui/render.js';
import { printable } from '../../ui/format.js';
import type { GlobalOpts } from '../shared.js';
import { signedSender } from './sender.js';

export interface WebhookReplayOptions extends GlobalOpts {
  from: string;
  id?: string;
  type?: string;
  to?: string;
  secret?: string;
}

/** One line (or NDJSON object) per event sent; exit 1 if any answer was not 2xx. */
export async function webhookReplay(ctx: Ctx, o: WebhookReplayOptions): Promise<void> {
  const lang = (await ctx.config()).lang;
  if (o.id && o.type) throw usageError(t(lang, 'wh.idAndType'));
  if (!o.to) throw usageError(t(lang, 'wh.needTo'), t(lang, 'wh.needToHint'));
  const url = checkHttpUrl('--to', o.to);
  let all;
  try {
    all = (await readRecordedEvents(o.from)).events;
  } catch (err) {
    throw usageError(t(lang, 'wh.cannotRead', { file: o.from, reason: (err as Error).message }));
  }
  const events = all.filter((e) => (o.id ? e.id === o.id : o.type ? e.type === o.type : true));
  if (!events.length) {
    const what = o.id ? t(lang, 'wh.noneEventId', { id: o.id }) : o.type ? t(lang, 'wh.noneEventType', { type: o.type }) : t(lang, 'wh.noneEvent');
    throw usageError(t(lang, 'wh.noneInFile', { what, file: o.from }));
  }
  const send = await signedSender(ctx, lang, o, url);
  const dispatcher = await ctx.dispatcher();
  let failed = 0;
  for (const e of events) {
    // A fresh timestamp: the recorded delivery's signature would be stale (CONTRACT §12).
    const r = await send(JSON.stringify(e), dispatcher);
    if (r.status < 200 || r.status >= 300) failed++;
    if (o.json) emitLine(ctx.io, { id: e.id, type: e.type, status: r.status, ms: r.ms });
    else ctx.io.stdout.write(`${r.status}\t${printable(String(e.type))}\t${printable(String(e.id))}\n`);
  }
  if (failed) throw new YcpError('api', t(lang, 'wh.replayFailed', { failed, count: events.length, url }), { hint: t(lang, 'wh.replayFailedHint') });
}
