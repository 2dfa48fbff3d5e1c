import type { Ctx } from '../context.js';
import { usageError } from '../errors.js';
import { checkHttpUrl } from '../validate.js';
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

/**
 * Picks the tunnel provider. `--public-url` always wins. The cloudflared and ngrok providers are
 * added by the signup issue (#6); until then `auto` can only use a public URL.
 */
export async function selectTunnel(ctx: Pick<Ctx, 'env' | 'spawn' | 'signal' | 'clock'>, choice: TunnelChoice): Promise<SelectedTunnel> {
  void ctx;
  if (choice.publicUrl) {
    const url = checkHttpUrl('--public-url', choice.publicUrl, { httpsOnly: true }).replace(/\/+$/, '');
    return { tunnel: staticTunnel(url), reason: '--public-url given' };
  }
  if (choice.kind === 'none') throw usageError('--tunnel none needs --public-url', 'pass the https URL of your own proxy: --public-url https://dev.example.com');
  throw usageError(`no tunnel provider is available for --tunnel ${choice.kind}`, 'pass --public-url https://… (your own HTTPS proxy to this port)');
}
