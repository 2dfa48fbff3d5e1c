import type { Ctx } from '../../core/context.js';
import { formatDuration } from '../../core/duration.js';
import { serveSignup, type ServeEvent } from '../../core/signup/serve.js';
import type { TunnelKind } from '../../core/tunnel/tunnel.js';
import { printable, say, success, warn } from '../../ui/format.js';
import { emitLine, errorDocument, formatFields, streaming } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export interface SignupServeOptions extends GlobalOpts {
  dir: string;
  port?: number;
  tunnel: TunnelKind;
  publicUrl?: string;
  domain?: string;
  register: boolean;
  keepRunning?: boolean;
  open?: boolean;
  timeout: number;
}

export async function signupServe(ctx: Ctx, o: SignupServeOptions): Promise<void> {
  const show = o.json ? (e: ServeEvent) => emitLine(ctx.io, toJson(e)) : (e: ServeEvent) => human(ctx, e, Boolean(o.keepRunning));
  await streaming(ctx.io, o, () =>
    serveSignup(
      ctx,
      { dir: o.dir, port: o.port, tunnel: o.tunnel, publicUrl: o.publicUrl, domain: o.domain, register: o.register, keepRunning: Boolean(o.keepRunning), waitTimeoutMs: o.timeout, open: Boolean(o.open) },
      show,
    ),
  );
}

function toJson(e: ServeEvent): unknown {
  if (e.type === 'failed') return { event: 'failed', file: e.file, record: e.record, ...errorDocument(e.error) };
  const { type, ...rest } = e;
  return { event: type, ...rest };
}

function human(ctx: Ctx, e: ServeEvent, keepRunning: boolean): void {
  const io = ctx.io;
  switch (e.type) {
    case 'serving':
      say(io, `Serving the Embedded Signup page\n  local:   ${e.localUrl}\n  public:  ${e.publicUrl}   (${e.provider}: ${e.reason})`);
      if (e.sandbox && e.provider === 'local') say(io, 'Sandbox mode: the Facebook steps are simulated by the local sandbox.');
      else {
        say(io, `Add this host to your Meta app (Facebook Login for Business → Settings → Client OAuth settings):\n  Allowed Domains:            ${e.host}\n  Valid OAuth Redirect URIs:  ${e.redirectUri}`);
        if (e.ephemeral) warn(io, 'this quick-tunnel hostname changes every run: add the new one each time, or use --tunnel ngrok --domain D / --public-url URL for a fixed host');
      }
      say(io, `Open ${e.publicUrl} and click "Connect WhatsApp". Waiting for the signup… (Ctrl-C to stop)`);
      return;
    case 'captured':
      // The summary carries what the page posted (error message, step): shown printable.
      say(io, `${e.signupEvent.startsWith('FINISH') ? '✓' : '✗'} Captured ${printable(e.summary)}`);
      return;
    case 'progress':
      say(io, `  · ${printable(e.message)}`);
      return;
    case 'result': {
      const r = e.record;
      if (r.outcome === 'connected') success(io, `${r.e164} is CONNECTED (${formatDuration(r.timings?.totalMs ?? 0)})`);
      say(io, `Saved ${e.file}`);
      io.stdout.write(
        formatFields(io, [
          ['outcome', r.outcome], ['event', r.event], ['waba', r.wabaId], ['phone number id', r.phoneNumberId], ['phone number', r.e164],
          ['status', r.status], ['registered', r.registered], ['register skipped', r.registerSkipped], ['record', e.file],
        ]),
      );
      return;
    }
    case 'failed':
      say(io, `Saved ${e.file}`);
      // With --keep-running the error does not end the run, so it is reported here; otherwise run() reports it.
      if (keepRunning) warn(io, `${printable(e.error.message)}${e.error.info.hint ? `\n  hint: ${printable(e.error.info.hint)}` : ''}`);
      return;
    default:
      return;
  }
}
