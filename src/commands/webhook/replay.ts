import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { checkHttpUrl } from '../../core/validate.js';
import { readRecordedEvents } from '../../core/webhook/recorder.js';
import { sendSignedEvent } from '../../core/webhook/send.js';
import { emitLine } from '../../ui/render.js';
import { printable } from '../../ui/format.js';
import type { GlobalOpts } from '../shared.js';
import { signingSecret } from '../../core/webhook/secret.js';

export interface WebhookReplayOptions extends GlobalOpts {
  from: string;
  id?: string;
  type?: string;
  to?: string;
  secret?: string;
}

/** One line (or NDJSON object) per event sent; exit 1 if any answer was not 2xx. */
export async function webhookReplay(ctx: Ctx, o: WebhookReplayOptions): Promise<void> {
  if (o.id && o.type) throw usageError('--id and --type cannot be combined');
  if (!o.to) throw usageError('--to is required', 'e.g. --to http://127.0.0.1:3000/webhooks/ycloud');
  const url = checkHttpUrl('--to', o.to);
  const secret = signingSecret(ctx, o.secret);
  let all;
  try {
    all = (await readRecordedEvents(o.from)).events;
  } catch (err) {
    throw usageError(`cannot read --from ${o.from}: ${(err as Error).message}`);
  }
  const events = all.filter((e) => (o.id ? e.id === o.id : o.type ? e.type === o.type : true));
  if (!events.length) throw usageError(`no ${o.id ? `event ${o.id}` : o.type ? `${o.type} event` : 'event'} in ${o.from}`);
  const dispatcher = await ctx.dispatcher();
  let failed = 0;
  for (const e of events) {
    // A fresh timestamp: the recorded delivery's signature would be stale (CONTRACT §12).
    const r = await sendSignedEvent({ url, body: JSON.stringify(e), secret, nowMs: ctx.clock.now(), dispatcher, signal: ctx.signal }).catch((err: Error) => {
      throw new YcpError('network', `could not POST to ${url}: ${err.message}`, { hint: 'is your app running there?', cause: err });
    });
    if (r.status < 200 || r.status >= 300) failed++;
    if (o.json) emitLine(ctx.io, { id: e.id, type: e.type, status: r.status, ms: r.ms });
    else ctx.io.stdout.write(`${r.status}\t${printable(String(e.type))}\t${printable(String(e.id))}\n`);
  }
  if (failed) throw new YcpError('api', `${failed} of ${events.length} event(s) were not accepted by ${url}`, { hint: 'check the app logs; the same secret must be configured there' });
}
