// The one way ycp builds an API client: the key header, one User-Agent recipe, the --verbose log, and the
// deadline its purpose calls for (issue 10 §2). context.ts (ctx.api()), login, init, status, the demo,
// cleanups and doctor's probe all come here.
import type { Clock } from '../clock.js';
import { YcpError } from '../errors.js';
import { msg } from '../../i18n/index.js';
import type { ResolvedSettings, SettingName } from '../settings.js';
import { createYcloudApi, type YcloudApi } from './client.js';
import type { Transport } from './transport.js';
import { timeoutSettingMs } from '../deadline.js';
import { VERSION } from '../../version.js';
import type { Lang } from '../../i18n/index.js';

/**
 * - `command`: the profile's client of a one-shot command (ctx.api()): one deadline, the `timeout`
 *   setting, for the whole command from its first request.
 * - `operation`: an explicit key in a run that spans minutes of typing or waiting (login, init, status,
 *   the demo): each operation gets its own deadline.
 * - `cleanup`: for `ctx.defer` cleanups. By the time they run ctx.signal is usually aborted (Ctrl-C,
 *   SIGTERM), and a client on it would abort at once; this one ignores it and has its own short deadline,
 *   so a cleanup can neither be skipped nor hang.
 * - `probe`: doctor's single try (the caller passes maxTries and a short timeout per call).
 */
export type ClientPurpose = 'command' | 'operation' | 'cleanup' | 'probe';

export interface ClientTarget {
  purpose: ClientPurpose;
  /** Defaults to the profile's (the `config` slice is then required). */
  apiKey?: string;
  baseUrl?: string;
  /** cleanup only: the per-operation deadline (CLEANUP_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * The slice of Ctx a client needs, written out rather than picked: context.ts loads this module lazily
 * for ctx.api(), and a type import back would close an import cycle.
 */
export interface ClientCtx {
  transport(url: string): Promise<Transport>;
  clock: Clock;
  signal: AbortSignal;
  debug(line: string): void;
  config?(): Promise<{ profile: string; settings: ResolvedSettings; get(name: SettingName): string | undefined; lang?: Lang }>;
}

/** docs/webhooks.md: the endpoint DELETE on exit has its own 8 s deadline. */
export const CLEANUP_TIMEOUT_MS = 8_000;

export const userAgent = (purpose?: ClientPurpose) => `ycp/${VERSION} node/${process.versions.node}${purpose === 'cleanup' ? ' cleanup' : ''}`;

export async function apiClient(ctx: ClientCtx, o: ClientTarget): Promise<YcloudApi> {
  const { baseUrl, apiKey, deadlineMs, lang } = await resolveTarget(ctx, o);
  if (!apiKey) {
    const profile = ctx.config ? (await ctx.config()).profile : 'default';
    throw new YcpError('auth', msg('http.noKey'), { hint: msg('http.noKeyHint', { profile }) });
  }
  const cleanup = o.purpose === 'cleanup';
  const cleanupMs = o.timeoutMs ?? CLEANUP_TIMEOUT_MS;
  return createYcloudApi({
    baseUrl,
    apiKey,
    transport: await ctx.transport(baseUrl),
    clock: ctx.clock,
    signal: cleanup ? new AbortController().signal : ctx.signal,
    userAgent: userAgent(o.purpose),
    log: (l) => ctx.debug(l),
    // A cleanup's own short deadline per operation, whatever the command's was (it may be spent already).
    ...(cleanup ? { timeoutMs: cleanupMs, deadlineMs: cleanupMs } : { deadlineMs }),
    deadlineScope: o.purpose === 'command' ? 'client' : 'operation',
    lang,
  });
}

async function resolveTarget(ctx: ClientCtx, o: ClientTarget): Promise<{ baseUrl: string; apiKey?: string; deadlineMs?: number; lang?: Lang }> {
  if (o.baseUrl && o.apiKey) {
    // doctor's probe passes both and must work whatever the config holds: its own one short try.
    if (o.purpose === 'probe') return { baseUrl: o.baseUrl, apiKey: o.apiKey };
    // The demo's embedded sandbox passes both; the `timeout` setting still applies when there is one.
    const cfg = ctx.config ? await ctx.config().catch(() => undefined) : undefined;
    return { baseUrl: o.baseUrl, apiKey: o.apiKey, deadlineMs: cfg && timeoutSettingMs(cfg.get('timeout'), cfg.settings.timeout.from), lang: cfg?.lang };
  }
  if (!ctx.config) throw new YcpError('internal', msg('http.clientNeedsTarget'));
  const cfg = await ctx.config();
  return {
    baseUrl: o.baseUrl ?? cfg.get('baseUrl')!,
    apiKey: o.apiKey ?? cfg.get('apiKey'),
    deadlineMs: timeoutSettingMs(cfg.get('timeout'), cfg.settings.timeout.from),
    lang: cfg.lang,
  };
}
