import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { checkHttpUrl } from '../../core/validate.js';
import { formatDuration } from '../../core/duration.js';
import type { TunnelKind } from '../../core/tunnel/tunnel.js';
import { EVENT_TYPES, WHATSAPP_EVENT_TYPES } from '../../core/webhook/event-types.js';
import { listenForWebhooks, type ListenEvent } from '../../core/webhook/listen.js';
import { summarizeEvent } from '../../core/webhook/summary.js';
import { colors, mask, printable, say, success, warn } from '../../ui/format.js';
import { emitLine } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export interface WebhookListenOptions extends GlobalOpts {
  forwardTo?: string;
  events?: string;
  tunnel: TunnelKind;
  publicUrl?: string;
  domain?: string;
  port: number;
  output?: string;
  keepEndpoint?: boolean;
  secret?: string[];
  tolerance: number;
  statusInterval: number;
}

export async function webhookListen(ctx: Ctx, o: WebhookListenOptions): Promise<void> {
  const events = parseEvents(o.events);
  const forwardTo = o.forwardTo ? checkHttpUrl('--forward-to', o.forwardTo) : undefined;
  await listenForWebhooks(
    ctx,
    {
      events, forwardTo, tunnel: o.tunnel, publicUrl: o.publicUrl, domain: o.domain, port: o.port, output: o.output,
      keepEndpoint: o.keepEndpoint, secrets: o.secret ?? [], toleranceSeconds: o.tolerance, statusIntervalMs: o.statusInterval,
    },
    listenPrinter(ctx, o),
  );
  throw new YcpError('cancelled', 'stopped');
}

/**
 * What `webhook listen` shows. stdout: one line per event (TTY), tab-separated rows (pipe), or the event
 * itself as NDJSON (--json). Everything else goes to stderr. Bodies of rejected deliveries are never
 * shown, and the endpoint's secret only masked (CLI.md §7).
 */
function listenPrinter(ctx: Ctx, o: { json?: boolean; verbose?: boolean }): (e: ListenEvent) => void {
  const out = colors(ctx.io).out;
  const err = colors(ctx.io).err;
  return (e) => {
    switch (e.type) {
      case 'event': {
        if (o.json) return emitLine(ctx.io, e.event);
        const at = new Date(ctx.clock.now());
        // A signed event is still a sender's text: a newline in `id` must not forge a line, nor an ESC
        // in `type` clear the screen (--json above keeps the exact values).
        const type = printable(String(e.event.type));
        const id = printable(String(e.event.id));
        const summary = summarizeEvent(e.event);
        if (!ctx.io.stdoutTTY) return void ctx.io.stdout.write(`${at.toISOString()}\t${type}\t${id}\t${summary}\n`);
        return void ctx.io.stdout.write(`${out.dim(at.toTimeString().slice(0, 8))}  ${out.cyan(type)}  ${id}  ${summary}\n`);
      }
      case 'rejected':
        return say(ctx.io, `${err.red('rejected')} ${e.rejection.status} ${e.rejection.reason}: ${printable(e.rejection.detail)}`);
      case 'forwarded': {
        const r = e.result;
        const ok = r.status >= 200 && r.status < 300;
        if (ok && !ctx.io.stderrTTY && !o.verbose) return;
        const line = `forward ${printable(r.id)} → ${e.to} ${r.status} (${r.ms}ms)${r.error ? `: ${printable(r.error)}` : ''}`;
        return ok ? say(ctx.io, err.dim(line)) : warn(ctx.io, `${line}; YCloud gets ${r.status} and will retry`);
      }
      case 'timed-out':
        return say(ctx.io, `${err.yellow('timed out')}: ${e.count} request(s) did not send their whole body within ${formatDuration(e.timeoutMs)}: closed (408)`);
      case 'duplicate':
        return ctx.debug(`duplicate delivery of ${printable(e.id)} acknowledged (already handled)`);
      case 'loaded':
        return say(ctx.io, `${e.count} event(s) already in ${e.file}: they will not be recorded again`);
      case 'endpoint-created':
        if (!e.secret) warn(ctx.io, `YCloud returned no secret for ${e.id}: deliveries will be rejected unless --secret matches`);
        return success(ctx.io, `Created webhook endpoint ${e.id} for ${e.url} (${e.eventCount} event types, secret ${mask(e.secret)})`);
      case 'ready':
        return say(ctx.io, `Ready: ${e.via}; receiving on ${e.localUrl}${e.forwardTo ? `, forwarding to ${e.forwardTo}` : ''}${e.output ? `, recording to ${e.output}` : ''}. Press Ctrl-C to stop.`);
      case 'endpoint-status':
        return e.status === 'active'
          ? say(ctx.io, `endpoint ${e.id} is active again`)
          : warn(ctx.io, `YCloud marks endpoint ${e.id} as ${printable(String(e.status))}: it receives no events (an endpoint that fails often becomes pending)`);
      case 'endpoint-unreachable':
        return warn(ctx.io, e.gone ? `endpoint ${e.id} no longer exists at YCloud: no more events will arrive` : `could not check endpoint ${e.id}: ${printable((e.error as Error).message)}`);
      case 'stopping': {
        const s = e.stats;
        return say(ctx.io, `Stopping: ${s.events} event(s), ${s.duplicates} duplicate(s), ${s.rejected} rejected${s.timedOut ? `, ${s.timedOut} timed out` : ''}${e.forwarding ? `, ${s.forwardedOk} forwarded, ${s.forwardFailed} forward failure(s)` : ''}`);
      }
      case 'endpoint-kept':
        return say(ctx.io, `Kept webhook endpoint ${e.id} (${e.url}); \`ycp webhook endpoint delete ${e.id}\` removes it`);
      case 'endpoint-deleted':
        return say(ctx.io, e.already ? `Webhook endpoint ${e.id} was already gone` : `Deleted webhook endpoint ${e.id} (${e.url})`);
      default:
        return;
    }
  };
}

function parseEvents(list: string | undefined): string[] {
  if (!list) return [...WHATSAPP_EVENT_TYPES];
  const events = [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))];
  for (const e of events) {
    if (!(EVENT_TYPES as readonly string[]).includes(e)) throw usageError(`--events: unknown event type "${e}"`, 'see `ycp webhook trigger --list`');
    // CONTRACT §5: this type needs eventProperties, which listen does not ask for.
    if (e === 'contact.attributes_changed') throw usageError('--events: contact.attributes_changed needs eventProperties; create that endpoint with `ycp webhook endpoint create`');
  }
  if (!events.length) throw usageError('--events is empty');
  return events;
}
