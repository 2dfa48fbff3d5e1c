// ngrok through its Node package (@ngrok/ngrok, an optional dependency loaded only here, at run time).
import { abortAfter } from '../deadline.js';
import { formatDuration } from '../duration.js';
import { YcpError } from '../errors.js';
import { msg, tm } from '../../i18n/index.js';
import type { Tunnel, TunnelStatus } from './tunnel.js';

/** How long ngrok may take to open a tunnel (as cloudflared's readiness): forward() has no timeout. */
export const NGROK_START_TIMEOUT_MS = 45_000;

export interface NgrokListener {
  url(): string | null;
  close(): Promise<void>;
}
export interface NgrokModule {
  forward(config: { addr: string; authtoken?: string; domain?: string }): Promise<NgrokListener>;
}

/** The package, or undefined when it is not installed (optional dependencies may be skipped). */
export async function loadNgrok(): Promise<NgrokModule | undefined> {
  try {
    const name = '@ngrok/ngrok'; // a variable keeps bundlers from resolving it at build time
    return (await import(name)) as NgrokModule;
  } catch {
    return undefined;
  }
}

export function ngrokTunnel(mod: NgrokModule, o: { authtoken: string; domain?: string; startTimeoutMs?: number }): Tunnel {
  let status: TunnelStatus = { state: 'starting' };
  let listener: NgrokListener | undefined;
  let stopped = false;
  return {
    provider: 'ngrok',
    // A reserved domain stays the same; a random one changes every run.
    ephemeral: !o.domain,
    status: () => status,
    async start(port, signal) {
      const limit = o.startTimeoutMs ?? NGROK_START_TIMEOUT_MS;
      const step = abortAfter(limit, signal);
      const forwarding = mod.forward({ addr: `127.0.0.1:${port}`, authtoken: o.authtoken, domain: o.domain });
      try {
        listener = await new Promise<NgrokListener>((resolve, reject) => {
          forwarding.then(resolve, reject);
          step.signal.addEventListener('abort', () => reject(step.signal.reason), { once: true });
        });
      } catch (err) {
        // forward() cannot be cancelled: a tunnel that opens after we gave up is closed at once.
        void forwarding.then((l) => l.close(), () => undefined);
        if (step.why() === 'cancelled') throw err;
        if (step.why()) {
          const m = msg('sys.ngrokSlow', { limit: formatDuration(limit) });
          status = { state: 'failed', message: tm('en', m) };
          throw new YcpError('network', m, { hint: msg('sys.ngrokSlowHint') });
        }
        // ngrok quotes a rejected token back ("Your authtoken: …", ERR_NGROK_105/107): keep it out of
        // the message, the status and the cause, which all reach the terminal or --json.
        const reason = redact(String((err as Error)?.message ?? err), o.authtoken);
        const message = msg('sys.ngrokFailed', { reason });
        const hint = o.domain ? msg('sys.ngrokFailedDomainHint', { domain: o.domain }) : msg('sys.ngrokFailedHint');
        status = { state: 'failed', message: tm('en', message), hint: tm('en', hint) };
        throw new YcpError('network', message, { hint });
      } finally {
        step.done();
      }
      if (stopped) await listener.close();
      const url = listener.url();
      if (!url) throw new YcpError('network', msg('sys.ngrokNoUrl'));
      status = { state: 'connected', url };
      return { url };
    },
    async stop() {
      stopped = true;
      const l = listener;
      listener = undefined;
      if (l) await l.close();
    },
  };
}

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('[NGROK_AUTHTOKEN]') : text;
}
