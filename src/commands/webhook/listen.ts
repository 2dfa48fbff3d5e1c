import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { checkHttpUrl } from '../../core/validate.js';
import { formatDuration } from '../../core/duration.js';
import { EVENT_TYPES, WHATSAPP_EVENT_TYPES } from '../../core/webhook/event-types.js';
import { forwardingSecret } from '../../core/webhook/forwarding-secret.js';
import { listenForWebhooks, type ListenEvent, type ListenOptions } from '../../core/webhook/listen.js';
import type { ForwardResult, Rejection } from '../../core/webhook/listener.js';
import { summarizeEvent } from '../../core/webhook/summary.js';
import { t, type Lang } from '../../i18n/index.js';
import { colors, mask, printable, say, success, warn } from '../../ui/format.js';
import { emitLine, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

/** The flags as commander hands them over; those named like the core's options are passed through as they are. */
export interface WebhookListenOptions extends GlobalOpts, Pick<ListenOptions, 'forwardTo' | 'tunnel' | 'publicUrl' | 'domain' | 'port' | 'output' | 'keepEndpoint'> {
  events?: string;
  secret?: string[];
  tolerance: number;
  statusInterval: number;
  printSecret?: boolean;
}

export async function webhookListen(ctx: Ctx, o: WebhookListenOptions): Promise<void> {
  const lang = (await ctx.config()).lang;
  if (o.printSecret) return printSecret(ctx, o, lang);
  const events = parseEvents(o.events, lang);
  const forwardTo = o.forwardTo ? checkHttpUrl('--forward-to', o.forwardTo) : undefined;
  let forwardSecret: string | undefined;
  if (forwardTo) {
    await ctx.api(); // no key → exit 4 before a secret is created or shown
    const f = await forwardingSecret(ctx);
    forwardSecret = f.secret;
    // Printed on purpose, in full: the partner's app is configured with it (docs/webhooks.md).
    ctx.io.secrets.reveal(f.secret);
    say(ctx.io, t(lang, f.created ? 'wh.forwardSecretNew' : 'wh.forwardSecret', { profile: f.profile, secret: f.secret }));
    say(ctx.io, t(lang, 'wh.forwardSecretHint'));
  }
  await listenForWebhooks(
    ctx,
    {
      events, forwardTo, forwardSecret, tunnel: o.tunnel, publicUrl: o.publicUrl, domain: o.domain, port: o.port, output: o.output,
      keepEndpoint: o.keepEndpoint, secrets: o.secret ?? [], toleranceSeconds: o.tolerance, statusIntervalMs: o.statusInterval,
    },
    listenPrinter(ctx, o, lang),
  );
  throw new YcpError('cancelled', 'stopped');
}

/** `--print-secret`: the forwarding secret alone on stdout (created if the profile has none); nothing starts. */
async function printSecret(ctx: Ctx, o: WebhookListenOptions, lang: Lang): Promise<void> {
  if (o.forwardTo || o.output || o.publicUrl || o.events || o.keepEndpoint || o.secret) throw usageError(t(lang, 'wh.printSecretAlone'));
  const f = await forwardingSecret(ctx);
  ctx.io.secrets.reveal(f.secret);
  render(ctx.io, o, { forwardingSecret: f.secret, profile: f.profile, created: f.created }, () => f.secret);
}

function rejection(lang: Lang, r: Rejection): string {
  return t(lang, `wh.reject.${r.reason}`, { ...r.params });
}

function forwardLine(lang: Lang, r: ForwardResult, to: string): string {
  const why = r.failure?.kind === 'timeout' ? t(lang, 'wh.forwardTimeout', { seconds: r.failure.seconds }) : r.failure ? t(lang, 'wh.forwardUnreachable', { url: r.failure.url, code: r.failure.code }) : r.error;
  return `${t(lang, 'wh.forward', { id: printable(r.id), to, status: r.status, ms: r.ms })}${why ? `: ${printable(why)}` : ''}`;
}

/**
 * What `webhook listen` shows. stdout: one line per event (TTY), tab-separated rows (pipe), or the event
 * itself as NDJSON (--json). Everything else goes to stderr. Bodies of rejected deliveries are never
 * shown, and the endpoint's secret only masked (CLI.md §7).
 */
function listenPrinter(ctx: Ctx, o: { json?: boolean; verbose?: boolean }, lang: Lang): (e: ListenEvent) => void {
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
        return say(ctx.io, `${err.red(t(lang, 'wh.rejected'))} ${e.rejection.status} ${e.rejection.reason}: ${printable(rejection(lang, e.rejection))}`);
      case 'forwarded': {
        const r = e.result;
        const ok = r.status >= 200 && r.status < 300;
        if (ok && !ctx.io.stderrTTY && !o.verbose) return;
        const line = forwardLine(lang, r, e.to);
        return ok ? say(ctx.io, err.dim(line)) : warn(ctx.io, t(lang, 'wh.forwardFailed', { line, status: r.status }));
      }
      case 'timed-out':
        return say(ctx.io, `${err.yellow(t(lang, 'wh.timedOut'))}: ${t(lang, 'wh.timedOutLine', { count: e.count, duration: formatDuration(e.timeoutMs) })}`);
      case 'duplicate':
        return ctx.debug(t(lang, 'wh.duplicate', { id: e.id }));
      case 'loaded':
        return say(ctx.io, t(lang, 'wh.loaded', { count: e.count, file: e.file }));
      case 'endpoint-created':
        if (!e.secret) warn(ctx.io, t(lang, 'wh.noSecret', { id: e.id }));
        return success(ctx.io, t(lang, 'wh.created', { id: e.id, url: e.url, count: e.eventCount, secret: mask(e.secret) }));
      case 'ready':
        return say(ctx.io, t(lang, 'wh.ready', {
          via: e.via, local: e.localUrl,
          forward: e.forwardTo ? t(lang, 'wh.readyForward', { url: e.forwardTo }) : '',
          output: e.output ? t(lang, 'wh.readyOutput', { file: e.output }) : '',
        }));
      case 'endpoint-status':
        return e.status === 'active' ? say(ctx.io, t(lang, 'wh.active', { id: e.id })) : warn(ctx.io, t(lang, 'wh.inactive', { id: e.id, status: String(e.status) }));
      case 'endpoint-unreachable':
        return warn(ctx.io, e.gone ? t(lang, 'wh.gone', { id: e.id }) : t(lang, 'wh.unreachable', { id: e.id, reason: (e.error as Error).message }));
      case 'stopping': {
        const s = e.stats;
        return say(ctx.io, t(lang, 'wh.stopping', {
          events: s.events, duplicates: s.duplicates, rejected: s.rejected,
          timedOut: s.timedOut ? t(lang, 'wh.stoppingTimedOut', { count: s.timedOut }) : '',
          forwarding: e.forwarding ? t(lang, 'wh.stoppingForwarding', { ok: s.forwardedOk, failed: s.forwardFailed }) : '',
        }));
      }
      case 'endpoint-kept':
        return say(ctx.io, t(lang, 'wh.kept', { id: e.id, url: e.url }));
      case 'endpoint-deleted':
        return say(ctx.io, e.already ? t(lang, 'wh.alreadyGone', { id: e.id }) : t(lang, 'wh.deleted', { id: e.id, url: e.url }));
      default:
        return;
    }
  };
}

function parseEvents(list: string | undefined, lang: Lang): string[] {
  if (!list) return [...WHATSAPP_EVENT_TYPES];
  const events = [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))];
  for (const e of events) {
    if (!(EVENT_TYPES as readonly string[]).includes(e)) throw usageError(t(lang, 'wh.unknownEvent', { type: e }), t(lang, 'wh.unknownEventHint'));
    // CONTRACT §5: this type needs eventProperties, which listen does not ask for.
    if (e === 'contact.attributes_changed') throw usageError(t(lang, 'wh.attributesEvent'));
  }
  if (!events.length) throw usageError(t(lang, 'wh.eventsEmpty'));
  return events;
}
