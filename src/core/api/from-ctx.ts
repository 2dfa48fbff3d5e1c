import type { Ctx } from '../context.js';
import { YcpError } from '../errors.js';
import { createYcloudApi, type YcloudApi } from './client.js';
import { timeoutSettingMs } from '../deadline.js';
import { VERSION } from '../../version.js';

type ClientCtx = Pick<Ctx, 'dispatcher' | 'clock' | 'debug'>;
/** `config` is only read for what the caller does not pass (the demo's embedded sandbox has no profile). */
type Target = { baseUrl?: string; apiKey?: string };

async function resolveTarget(ctx: ClientCtx & Partial<Pick<Ctx, 'config'>>, o: Target): Promise<{ baseUrl: string; apiKey?: string; deadlineMs?: number }> {
  if (o.baseUrl && o.apiKey) {
    // The demo's embedded sandbox has no profile; the `timeout` setting still applies when there is one.
    const cfg = ctx.config ? await ctx.config().catch(() => undefined) : undefined;
    return { baseUrl: o.baseUrl, apiKey: o.apiKey, deadlineMs: cfg && timeoutSettingMs(cfg.get('timeout'), cfg.settings.timeout.from) };
  }
  if (!ctx.config) throw new YcpError('internal', 'an API client without config needs both baseUrl and apiKey');
  const cfg = await ctx.config();
  return {
    baseUrl: o.baseUrl ?? cfg.get('baseUrl')!,
    apiKey: o.apiKey ?? cfg.get('apiKey'),
    deadlineMs: timeoutSettingMs(cfg.get('timeout'), cfg.settings.timeout.from),
  };
}

/**
 * An API client for an explicit key (login verifies a key before saving it; init, status and the demo).
 * Interactive runs span minutes of typing, so each operation gets its own deadline (the `timeout`
 * setting), not one for the whole run.
 */
export async function apiWithKey(ctx: ClientCtx & Pick<Ctx, 'signal'> & Partial<Pick<Ctx, 'config'>>, apiKey: string, o: { baseUrl?: string } = {}): Promise<YcloudApi> {
  const { baseUrl, deadlineMs } = await resolveTarget(ctx, { baseUrl: o.baseUrl, apiKey });
  return createYcloudApi({
    baseUrl,
    apiKey,
    dispatcher: await ctx.dispatcher(),
    clock: ctx.clock,
    signal: ctx.signal,
    userAgent: userAgent(),
    log: (l) => ctx.debug(l),
    deadlineMs,
    deadlineScope: 'operation',
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
    // Its own short deadline per operation, whatever the command's was (it may be spent already).
    timeoutMs: o.timeoutMs ?? CLEANUP_TIMEOUT_MS,
    deadlineMs: o.timeoutMs ?? CLEANUP_TIMEOUT_MS,
    deadlineScope: 'operation',
  });
}

/** docs/webhooks.md: the endpoint DELETE on exit has its own 8 s deadline. */
export const CLEANUP_TIMEOUT_MS = 8_000;

export const userAgent = () => `ycp/${VERSION} node/${process.versions.node}`;
