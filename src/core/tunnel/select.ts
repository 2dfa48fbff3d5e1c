import type { Ctx } from '../context.js';
import { usageError } from '../errors.js';
import { msg, type Msg } from '../../i18n/index.js';
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
  /** Why this provider was picked, for the user ("cloudflared found on PATH"), in their language when shown. */
  why: Msg;
}

const picked = (tunnel: Tunnel, why: Msg): SelectedTunnel => ({ tunnel, why });

/** Seams for tests: whether the optional ngrok package loads, and cloudflared's readiness wait. */
export interface SelectDeps {
  loadNgrok?: () => Promise<NgrokModule | undefined>;
  cloudflared?: CloudflaredOptions;
}


/**
 * Picks the tunnel provider. `--public-url` always wins; `auto` tries cloudflared (no account
 * needed), then ngrok (needs NGROK_AUTHTOKEN), and says why it picked what it picked.
 */
export async function selectTunnel(ctx: Pick<Ctx, 'env' | 'spawn' | 'signal' | 'clock'>, choice: TunnelChoice, deps: SelectDeps = {}): Promise<SelectedTunnel> {
  if (choice.publicUrl) {
    const url = checkHttpUrl('--public-url', choice.publicUrl, { httpsOnly: true }).replace(/\/+$/, '');
    return picked(staticTunnel(url), msg('sys.viaPublicUrl'));
  }
  if (choice.kind === 'none') throw usageError(msg('sys.tunnelNone'), msg('sys.tunnelNoneHint'));

  const tryCloudflared = async () => {
    const bin = await ctx.spawn.which('cloudflared', ctx.env);
    return bin ? { tunnel: cloudflaredTunnel(ctx, bin, deps.cloudflared), bin } : undefined;
  };
  const tryNgrok = async (): Promise<{ tunnel?: Tunnel; why?: Msg }> => {
    const authtoken = ctx.env.NGROK_AUTHTOKEN?.trim();
    if (!authtoken) return { why: msg('sys.ngrokNoToken') };
    const mod = await (deps.loadNgrok ?? loadNgrok)();
    if (!mod) return { why: msg('sys.ngrokNotInstalled') };
    return { tunnel: ngrokTunnel(mod, { authtoken, domain: choice.domain }) };
  };

  if (choice.kind === 'cloudflared') {
    const cf = await tryCloudflared();
    if (!cf) throw usageError(msg('sys.noCloudflared'), msg('sys.installCloudflared'));
    return picked(cf.tunnel, msg('sys.viaCloudflared', { bin: cf.bin }));
  }
  if (choice.kind === 'ngrok') {
    const n = await tryNgrok();
    if (!n.tunnel) throw usageError(msg('sys.noNgrok', { why: n.why! }), msg('sys.noNgrokHint'));
    return picked(n.tunnel, choice.domain ? msg('sys.viaNgrokDomain', { domain: choice.domain }) : msg('sys.viaNgrok'));
  }

  // auto. A reserved domain (--domain) is an ngrok feature: prefer ngrok when it is asked for.
  if (choice.domain) {
    const n = await tryNgrok();
    if (n.tunnel) return picked(n.tunnel, msg('sys.viaDomain', { domain: choice.domain }));
    throw usageError(msg('sys.domainNeedsNgrok', { why: n.why! }), msg('sys.domainNeedsNgrokHint'));
  }
  const cf = await tryCloudflared();
  if (cf) return picked(cf.tunnel, msg('sys.viaCloudflaredFound', { bin: cf.bin }));
  const n = await tryNgrok();
  if (n.tunnel) return picked(n.tunnel, msg('sys.viaNgrokFallback'));
  throw usageError(msg('sys.noTunnel', { why: n.why! }), msg('sys.noTunnelHint', { install: msg('sys.installCloudflared') }));
}

export interface Exposed {
  url: string;
  tunnel: Tunnel;
  why: Msg;
}

/**
 * The public URL of a local server on `port`: undefined when the API is on loopback (the local sandbox,
 * which may deliver to loopback: YCloud itself refuses private URLs, CONTRACT §5) and neither
 * `--public-url` nor a tunnel provider was asked for; else the selected tunnel, started.
 */
export async function exposePort(
  ctx: Pick<Ctx, 'env' | 'spawn' | 'signal' | 'clock' | 'defer'>,
  choice: TunnelChoice,
  port: number,
  apiOnLoopback: boolean,
  deps?: SelectDeps,
): Promise<Exposed | undefined> {
  if (!choice.publicUrl && apiOnLoopback && (choice.kind === 'auto' || choice.kind === 'none')) return undefined;
  const { tunnel, why } = await selectTunnel(ctx, choice, deps);
  ctx.defer(() => tunnel.stop()); // before start: a Ctrl-C during start still stops the child
  const { url } = await tunnel.start(port, ctx.signal);
  return { url, tunnel, why };
}

/** The exact host Meta must list (Allowed Domains) and the redirect URI to add, from a public URL. */
export function domainToAllow(publicUrl: string): { host: string; redirectUri: string } {
  const u = new URL(publicUrl);
  return { host: u.host, redirectUri: `${u.origin}/` };
}
