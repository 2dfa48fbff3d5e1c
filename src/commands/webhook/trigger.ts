import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { checkHttpUrl } from '../../core/validate.js';
import { SAMPLE_TYPES, buildSampleEvent, hasPayloadSample } from '../../core/webhook/samples.js';
import { sendSignedEvent } from '../../core/webhook/send.js';
import { printable, say, warn } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';
import { signingSecret } from '../../core/webhook/secret.js';

export interface WebhookTriggerOptions extends GlobalOpts {
  eventType?: string;
  to?: string;
  secret?: string;
  list?: boolean;
}

export async function webhookTrigger(ctx: Ctx, o: WebhookTriggerOptions): Promise<void> {
  if (o.list) {
    const rows = SAMPLE_TYPES.map((type) => ({ type, payload: hasPayloadSample(type) }));
    return render(ctx.io, o, rows, () => rows.map((r) => (r.payload ? r.type : `${r.type}\t(envelope only: no payload schema in the spec)`)).join('\n'));
  }
  if (!o.eventType) throw usageError('an event type is required', 'see `ycp webhook trigger --list`');
  if (!o.to) throw usageError('--to is required', 'e.g. --to http://127.0.0.1:3000/webhooks/ycloud');
  const url = checkHttpUrl('--to', o.to);
  const secret = signingSecret(ctx, o.secret);
  if (!SAMPLE_TYPES.includes(o.eventType)) warn(ctx.io, `"${o.eventType}" is not in the spec's EventType list; sending the envelope only`);
  const event = buildSampleEvent(o.eventType, { now: ctx.clock.now() });
  const body = JSON.stringify(event);
  let r;
  try {
    r = await sendSignedEvent({ url, body, secret, nowMs: ctx.clock.now(), dispatcher: await ctx.dispatcher(), signal: ctx.signal });
  } catch (err) {
    throw new YcpError('network', `could not POST to ${url}: ${(err as Error).message}`, { hint: 'is your app (or `ycp webhook listen`) running there?', cause: err });
  }
  const ok = r.status >= 200 && r.status < 300;
  render(ctx.io, o, { id: event.id, type: event.type, url, status: r.status, ms: r.ms }, (d) => `${d.status}\t${d.type}\t${d.id}`);
  if (!ok) {
    if (r.body) say(ctx.io, `the app answered: ${printable(r.body)}`);
    throw new YcpError('api', `${url} answered ${r.status} to ${event.type} ${event.id}`, { hint: 'YCloud would retry this delivery; check that the app uses the same secret' });
  }
}
