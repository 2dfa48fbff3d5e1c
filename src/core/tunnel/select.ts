import type { Ctx } from '../context.js';
import { usageError } from '../errors.js';
import { checkHttpUrl } from '../validate.js';
import { cloudflaredTunnel, type CloudflaredOptions } from './cloudflared.js';
import { loadNgrok, ngrokTunnel, type NgrokModule } from './ngrok.js';
import { staticTunnel, type Tunnel, type TunnelKind } from './tunnel.js';

export interface TunnelChoice {
  kind: TunnelKind;
  /** The partner's own HTTPS URL (`--public-url`): no tunnel process is started. */
  publicUrl?: string;
  /** ngrok reserved domain (`--domain`). */
  domain?: string;
}

export interface SelectedTunnel {
  tunnel: Tunnel;
  /** Why this provider was picked, for the user ("cloudflared found on PATH"). */
  reason: string;
}

/** Seams for tests: whether the optional ngrok package loads, and cloudflared's readiness wait. */
export interface SelectDeps {
  loadNgrok?: () => Promise<NgrokModule | undefined>;
  cloudflared?: CloudflaredOptions;
}

const INSTALL_CLOUDFLARED = 'install cloudflared (https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/downloads/) so it is on PATH';

/**
 * Picks the tunnel provider. `--public-url` always wins; `auto` tries cloudflared (no account
 * needed), then ngrok (needs NGROK_AUTHTOKEN), and says why it picked what it picked.
 */
export async function selectTunnel(ctx: Pick<Ctx, 'env' | 'spawn' | 'signal' | 'clock'>, choice: TunnelChoice, deps: SelectDeps = {}): Promise<SelectedTunnel> {
  if (choice.publicUrl) {
    const url = checkHttpUrl('--public-url', choice.publicUrl, { httpsOnly: true }).replace(/\/+$/, '');
    return { tunnel: staticTunnel(url), reason: '--public-url given' };
  }
  if (choice.kind === 'none') throw usageError('--tunnel none needs --public-url', 'pass the https URL of your own proxy: --public-url https://dev.example.com');

  const tryCloudflared = async () => {
    const bin = await ctx.spawn.which('cloudflared', ctx.env);
    return bin ? { tunnel: cloudflaredTunnel(ctx, bin, deps.cloudflared), bin } : undefined;
  };
  const tryNgrok = async (): Promise<{ tunnel?: Tunnel; why?: string }> => {
    const authtoken = ctx.env.NGROK_AUTHTOKEN?.trim();
    if (!authtoken) return { why: 'NGROK_AUTHTOKEN is not set' };
    const mod = await (deps.loadNgrok ?? loadNgrok)();
    if (!mod) return { why: 'the optional package @ngrok/ngrok is not installed' };
    return { tunnel: ngrokTunnel(mod, { authtoken, domain: choice.domain }) };
  };

  if (choice.kind === 'cloudflared') {
    const cf = await tryCloudflared();
    if (!cf) throw usageError('--tunnel cloudflared: cloudflared is not on PATH', INSTALL_CLOUDFLARED);
    return { tunnel: cf.tunnel, reason: `--tunnel cloudflared (${cf.bin})` };
  }
  if (choice.kind === 'ngrok') {
    const n = await tryNgrok();
    if (!n.tunnel) throw usageError(`--tunnel ngrok: ${n.why}`, 'set NGROK_AUTHTOKEN (from the ngrok dashboard) and install @ngrok/ngrok, or use --tunnel cloudflared');
    return { tunnel: n.tunnel, reason: `--tunnel ngrok${choice.domain ? ` with reserved domain ${choice.domain}` : ''}` };
  }

  // auto. A reserved domain (--domain) is an ngrok feature: prefer ngrok when it is asked for.
  if (choice.domain) {
    const n = await tryNgrok();
    if (n.tunnel) return { tunnel: n.tunnel, reason: `--domain ${choice.domain} is an ngrok reserved domain and NGROK_AUTHTOKEN is set` };
    throw usageError(`--domain needs ngrok, but ${n.why}`, 'set NGROK_AUTHTOKEN, or drop --domain to use a cloudflared quick tunnel');
  }
  const cf = await tryCloudflared();
  if (cf) return { tunnel: cf.tunnel, reason: `cloudflared found on PATH (${cf.bin})` };
  const n = await tryNgrok();
  if (n.tunnel) return { tunnel: n.tunnel, reason: 'cloudflared is not on PATH; NGROK_AUTHTOKEN is set, so using ngrok' };
  throw usageError(
    `no tunnel is available: cloudflared is not on PATH and ${n.why}`,
    `${INSTALL_CLOUDFLARED}, or set NGROK_AUTHTOKEN, or pass --public-url https://… (your own HTTPS proxy to this port)`,
  );
}

/** The exact host Meta must list (Allowed Domains) and the redirect URI to add, from a public URL. */
export function domainToAllow(publicUrl: string): { host: string; redirectUri: string } {
  const u = new URL(publicUrl);
  return { host: u.host, redirectUri: `${u.origin}/` };
}
