import type { Ctx } from '../context.js';
import { YcpError } from '../errors.js';
import { createYcloudApi, type YcloudApi } from './client.js';
import { VERSION } from '../../version.js';

type ClientCtx = Pick<Ctx, 'dispatcher' | 'clock' | 'debug'>;
/** `config` is only read for what the caller does not pass (the demo's embedded sandbox has no profile). */
type Target = { baseUrl?: string; apiKey?: string };

async function resolveTarget(ctx: ClientCtx & Partial<Pick<Ctx, 'config'>>, o: Target): Promise<{ baseUrl: string; apiKey?: string }> {
  if (o.baseUrl && o.apiKey) return { baseUrl: o.baseUrl, apiKey: o.apiKey };
  if (!ctx.config) throw new YcpError('internal', 'an API client without config needs both baseUrl and apiKey');
  const cfg = await ctx.config();
  return { baseUrl: o.baseUrl ?? cfg.get('baseUrl')!, apiKey: o.apiKey ?? cfg.get('apiKey') };
}

/** An API client for an explicit key (login verifies a key before saving it; the demo talks to its sandbox). */
export async function apiWithKey(ctx: ClientCtx & Pick<Ctx, 'signal'> & Partial<Pick<Ctx, 'config'>>, apiKey: string, o: { baseUrl?: string } = {}): Promise<YcloudApi> {
  const { baseUrl } = await resolveTarget(ctx, { baseUrl: o.baseUrl, apiKey });
  return createYcloudApi({
    baseUrl,
    apiKey,
    dispatcher: await ctx.dispatcher(),
    clock: ctx.clock,
    signal: ctx.signal,
    userAgent: userAgent(),
    log: (l) => ctx.debug(l),
  });
}

/**
 * An API client for `ctx.defer` cleanups (deleting a temporary webhook endpoint, …). By the time they run
 * ctx.signal is usually aborted (Ctrl-C, SIGTERM), and a client on it would abort the request at once; this
 * one ignores it and has its own short deadline instead, so a cleanup can neither be skipped nor hang.
 * The profile's key and base URL unless given.
 */
export async function apiForCleanup(ctx: ClientCtx & Partial<Pick<Ctx, 'config'>>, o: Target & { timeoutMs?: number } = {}): Promise<YcloudApi> {
  const { baseUrl, apiKey } = await resolveTarget(ctx, o);
  if (!apiKey) throw new YcpError('auth', 'no API key is set');
  return createYcloudApi({
    baseUrl,
    apiKey,
    dispatcher: await ctx.dispatcher(),
    clock: ctx.clock,
    signal: new AbortController().signal,
    userAgent: `${userAgent()} cleanup`,
    log: (l) => ctx.debug(l),
    timeoutMs: o.timeoutMs ?? CLEANUP_TIMEOUT_MS,
  });
}

/** docs/webhooks.md: the endpoint DELETE on exit has its own 8 s deadline. */
export const CLEANUP_TIMEOUT_MS = 8_000;

export const userAgent = () => `ycp/${VERSION} node/${process.versions.node}`;
