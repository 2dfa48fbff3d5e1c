import type { Ctx } from '../context.js';
import { msg } from '../../i18n/index.js';
import type { Check } from './types.js';

/** Tunnel providers `signup serve` and `webhook listen` can use (ARCHITECTURE §7); missing ones only warn. */
export async function tunnelChecks(ctx: Pick<Ctx, 'spawn' | 'env'>): Promise<Check[]> {
  const path = await ctx.spawn.which('cloudflared', ctx.env);
  const cloudflared: Check = path
    ? { id: 'tunnel.cloudflared', level: 'pass', text: msg('dr.cloudflaredOk', { path }) }
    : { id: 'tunnel.cloudflared', level: 'warn', text: msg('dr.cloudflaredMissing'), fix: msg('dr.cloudflaredFix') };
  const ngrok: Check = ctx.env.NGROK_AUTHTOKEN
    ? { id: 'tunnel.ngrok', level: 'pass', text: msg('dr.ngrokOk') }
    : { id: 'tunnel.ngrok', level: 'warn', text: msg('dr.ngrokMissing'), fix: msg('dr.ngrokFix') };
  return [cloudflared, ngrok];
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

/** undici's EnvHttpProxyAgent reads these (system-ctx.ts); credentials in a proxy URL are hidden. */
export function proxyChecks(env: Readonly<Record<string, string | undefined>>): Check[] {
  const seen = PROXY_VARS.filter((n) => env[n]);
  if (!seen.length) return [{ id: 'proxy', level: 'pass', text: msg('dr.proxyNone') }];
  return seen.map((name) => ({ id: `proxy.${name}`, level: 'pass' as const, text: msg('dr.proxy', { name, value: hideCredentials(env[name]!) }) }));
}

export function hideCredentials(value: string): string {
  return value.replace(/\/\/([^/@\s]+)@/, '//***@');
}
