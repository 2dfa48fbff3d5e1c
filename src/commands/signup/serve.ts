import type { Ctx } from '../../core/context.js';
import { formatDuration } from '../../core/duration.js';
import { serveSignup, type ServeEvent, type ServeOptions } from '../../core/signup/serve.js';
import { checkHttpUrl } from '../../core/validate.js';
import { t, tm, type Lang } from '../../i18n/index.js';
import { printable, say, success, warn } from '../../ui/format.js';
import { emitLine, errorDocument, formatFields, streaming } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';
import { warnIfDeprecatedEs } from './output.js';

/** The flags as commander hands them over; those named like the core's options are passed through as they are. */
export interface SignupServeOptions extends GlobalOpts, Pick<ServeOptions, 'dir' | 'port' | 'tunnel' | 'publicUrl' | 'domain' | 'register'> {
  keepRunning?: boolean;
  open?: boolean;
  timeout: number;
  forwardTo?: string;
}

export async function signupServe(ctx: Ctx, o: SignupServeOptions): Promise<void> {
  const lang = (await ctx.config()).lang;
  const forwardTo = o.forwardTo === undefined ? undefined : checkHttpUrl('--forward-to', o.forwardTo);
  const show = o.json ? (e: ServeEvent) => emitLine(ctx.io, toJson(e, lang)) : (e: ServeEvent) => human(ctx, lang, e, Boolean(o.keepRunning));
  await streaming(ctx.io, o, () =>
    serveSignup(
      ctx,
      { dir: o.dir, port: o.port, tunnel: o.tunnel, publicUrl: o.publicUrl, domain: o.domain, register: o.register, keepRunning: Boolean(o.keepRunning), waitTimeoutMs: o.timeout, open: Boolean(o.open), forwardTo },
      show,
    ),
  );
}

function toJson(e: ServeEvent, lang: Lang): unknown {
  if (e.type === 'failed') return { event: 'failed', file: e.file, record: e.record, ...errorDocument(e.error, lang) };
  if (e.type === 'serving') {
    const { type, reason, ...rest } = e;
    return { event: type, ...rest, reason: tm(lang, reason) };
  }
  const { type, ...rest } = e;
  return { event: type, ...rest };
}

function human(ctx: Ctx, lang: Lang, e: ServeEvent, keepRunning: boolean): void {
  const io = ctx.io;
  switch (e.type) {
    case 'serving':
      say(io, t(lang, 'su.serving', { version: e.esVersion, local: e.localUrl, public: e.publicUrl, provider: e.provider, reason: e.reason }));
      warnIfDeprecatedEs(io, lang, e.esVersion);
      if (e.sandbox && e.provider === 'local') say(io, t(lang, 'su.sandboxServe'));
      else {
        say(io, t(lang, 'su.addHost', { host: e.host, redirect: e.redirectUri }));
        if (e.ephemeral) warn(io, t(lang, 'su.ephemeral'));
      }
      if (e.forwardTo) say(io, t(lang, 'su.forwarding', { url: e.forwardTo }));
      else if (e.pageBackend) say(io, t(lang, 'su.pageBackend', { url: e.pageBackend }));
      say(io, t(lang, 'su.open', { url: e.publicUrl }));
      return;
    case 'captured':
      // The summary carries what the page posted (error message, step): shown printable.
      say(io, `${e.signupEvent.startsWith('FINISH') ? '✓' : '✗'} ${t(lang, 'su.captured', { summary: e.summary })}`);
      return;
    case 'forwarded':
      say(io, `${e.status >= 200 && e.status < 300 ? '✓' : '✗'} ${t(lang, e.summary ? 'su.forwarded' : 'su.forwardedEmpty', { url: e.url, status: e.status, ms: e.ms, summary: e.summary })}`);
      return;
    case 'progress':
      say(io, `  · ${printable(e.message)}`);
      return;
    case 'result': {
      const r = e.record;
      if (r.outcome === 'connected') success(io, t(lang, 'su.connected', { e164: r.e164 ?? '', duration: formatDuration(r.timings?.totalMs ?? 0) }));
      say(io, t(lang, 'su.saved', { file: e.file }));
      io.stdout.write(
        formatFields(io, [
          ['outcome', r.outcome], ['event', r.event], ['waba', r.wabaId], ['phone number id', r.phoneNumberId], ['phone number', r.e164],
          ['status', r.status], ['registered', r.registered], ['register skipped', r.registerSkipped], ['backend status', r.backend?.status], ['record', e.file],
        ]),
      );
      return;
    }
    case 'failed':
      say(io, t(lang, 'su.saved', { file: e.file }));
      // With --keep-running the error does not end the run, so it is reported here; otherwise run() reports it.
      if (keepRunning) warn(io, `${printable(e.error.message)}${e.error.info.hint ? `\n  hint: ${printable(e.error.info.hint)}` : ''}`);
      return;
    default:
      return;
  }
}
