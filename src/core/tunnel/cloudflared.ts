// A cloudflared quick tunnel (ARCHITECTURE §7). cloudflared is found on PATH, never downloaded. The
// hostname is read from its metrics server (`/quicktunnel`), readiness from `/ready`, rather than
// scraped from the banner, whose wording changes between releases.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Ctx } from '../context.js';
import { YcpError } from '../errors.js';
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

  const fail = (message: string, hint: string): never => {
    status = { state: 'failed', message, hint };
    throw new YcpError('network', message, { hint });
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
        if (exited) fail(`cloudflared exited before the tunnel was ready${tail.length ? `:\n  ${tail.join('\n  ')}` : ''}`, 'run `cloudflared tunnel --url http://127.0.0.1:8080` yourself to see why, or use --tunnel ngrok / --public-url');
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
          fail('cloudflared did not report a ready quick tunnel in time', 'check your network (cloudflared needs outbound 7844/443), or pass --public-url');
        }
        await sleep(o.pollMs ?? 250, undefined, { signal });
      }
      throw Object.assign(new Error('tunnel stopped while starting'), { name: 'AbortError' });
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
