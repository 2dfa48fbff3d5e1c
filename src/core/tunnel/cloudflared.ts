// A cloudflared quick tunnel (ARCHITECTURE §7). cloudflared is found on PATH, never downloaded. The
// hostname is read from its metrics server (`/quicktunnel`), readiness from `/ready`, rather than
// scraped from the banner, whose wording changes between releases.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Ctx } from '../context.js';
import { YcpError, abortError } from '../errors.js';
import { msg, tm, type Msg } from '../../i18n/index.js';
import type { ChildHandle } from '../process/spawn.js';
import { freePort, getLocal } from './metrics.js';
import type { Tunnel, TunnelStatus } from './tunnel.js';

export interface CloudflaredOptions {
  /** Real time to wait for the tunnel to register (the child is real even in tests). */
  readyTimeoutMs?: number;
  pollMs?: number;
}

export function cloudflaredTunnel(ctx: Pick<Ctx, 'spawn' | 'env'>, bin: string, o: CloudflaredOptions = {}): Tunnel {
  let status: TunnelStatus = { state: 'starting' };
  let child: ChildHandle | undefined;
  let stopped = false;
  const tail: string[] = [];

  // The status is read by the commands that show it (English there); the error speaks the user's language.
  const fail = (message: Msg, hint: Msg, detail = ''): never => {
    status = { state: 'failed', message: tm('en', message) + detail, hint: tm('en', hint) };
    throw new YcpError('network', detail ? msg('sys.detail', { message, detail }) : message, { hint });
  };

  return {
    provider: 'cloudflared',
    ephemeral: true,
    status: () => status,
    async start(port, signal) {
      const metrics = `127.0.0.1:${await freePort()}`;
      const args = ['tunnel', '--url', `http://127.0.0.1:${port}`, '--metrics', metrics, '--no-autoupdate'];
      child = await ctx.spawn.start(bin, args, { signal, env: { ...ctx.env }, group: true });
      if (stopped) await child.stop();
      child.onLine((line) => {
        tail.push(line);
        if (tail.length > 8) tail.shift();
      });
      let exited = false;
      void child.exited.then(() => (exited = true));
      const deadline = Date.now() + (o.readyTimeoutMs ?? 45_000);
      while (!stopped) {
        if (exited) fail(msg('sys.cloudflaredExited'), msg('sys.cloudflaredExitedHint'), tail.length ? `:\n  ${tail.join('\n  ')}` : '');
        const ready = await getLocal(`http://${metrics}/ready`);
        if (ready?.status === 200) {
          const qt = await getLocal(`http://${metrics}/quicktunnel`);
          const hostname = qt?.status === 200 ? parseHostname(qt.body) : undefined;
          if (hostname) {
            const url = `https://${hostname}`;
            status = { state: 'connected', url };
            return { url };
          }
        }
        if (Date.now() > deadline) {
          await child.stop();
          fail(msg('sys.cloudflaredSlow'), msg('sys.cloudflaredSlowHint'));
        }
        await sleep(o.pollMs ?? 250, undefined, { signal });
      }
      throw abortError('tunnel stopped while starting');
    },
    async stop() {
      stopped = true;
      if (child) await child.stop();
    },
  };
}

function parseHostname(body: string): string | undefined {
  try {
    const h = (JSON.parse(body) as { hostname?: unknown }).hostname;
    return typeof h === 'string' && /^[a-z0-9.-]+$/i.test(h) ? h : undefined;
  } catch {
    return undefined;
  }
}
