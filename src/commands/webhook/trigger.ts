import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { checkHttpUrl } from '../../core/validate.js';
import { SAMPLE_TYPES, buildSampleEvent, hasPayloadSample } from '../../core/webhook/samples.js';
import { t } from '../../i18n/index.js';
import { printable, say, warn } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';
import { signedSender } from './sender.js';

export interface WebhookTriggerOptions extends GlobalOpts {
  eventType?: string;
  to?: string;
  secret?: string;
  list?: boolean;
}

export async function webhookTrigger(ctx: Ctx, o: WebhookTriggerOptions): Promise<void> {
  const lang = (await ctx.config()).lang;
  if (o.list) {
    const rows = SAMPLE_TYPES.map((type) => ({ type, payload: hasPayloadSample(type) }));
    return render(ctx.io, o, rows, () => rows.map((r) => (r.payload ? r.type : `${r.type}\t${t(lang, 'wh.envelopeOnly')}`)).join('\n'));
  }
  if (!o.eventType) throw usageError(t(lang, 'wh.needType'), t(lang, 'wh.unknownEventHint'));
  if (!o.to) throw usageError(t(lang, 'wh.needTo'), t(lang, 'wh.needToHint'));
  const url = checkHttpUrl('--to', o.to);
  const send = await signedSender(ctx, lang, o, url);
  if (!SAMPLE_TYPES.includes(o.eventType)) warn(ctx.io, t(lang, 'wh.unknownType', { type: o.eventType }));
  const event = buildSampleEvent(o.eventType, { now: ctx.clock.now() });
  const body = JSON.stringify(event);
  const r = await send(body);
  const ok = r.status >= 200 && r.status < 300;
  render(ctx.io, o, { id: event.id, type: event.type, url, status: r.status, ms: r.ms }, (d) => `${d.status}\t${d.type}\t${d.id}`);
  if (!ok) {
    if (r.body) say(ctx.io, t(lang, 'wh.appAnswered', { body: printable(r.body) }));
    throw new YcpError('api', t(lang, 'wh.notAccepted', { url, status: r.status, type: event.type, id: event.id }), { hint: t(lang, 'wh.notAcceptedHint') });
  }
}
