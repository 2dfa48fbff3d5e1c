// Temporary endpoints of `webhook listen` (ARCHITECTURE §7): YCloud keeps them until deleted, and an
// account has at most 20 (CONTRACT §5), so every one carries a parseable marker in `description`
// and its id is recorded in the profile store; `webhook clean` finds what a killed run left behind.
import { hostname as osHostname } from 'node:os';
import type { Ctx } from '../context.js';
import type { WebhookEndpoint } from '../api/types.js';
import type { YcloudApi } from '../api/client.js';
import { YcpError } from '../errors.js';
import { msg, type Msg } from '../../i18n/index.js';

export const MARKER_PREFIX = 'ycp listen';
export const STORE_KEY = 'webhookListenEndpoints';
/** Endpoints of runs on other hosts are only removed past this age (or with --all-hosts). */
export const OTHER_HOST_MAX_AGE_MS = 24 * 3_600_000;

export interface ListenMarker {
  host: string;
  pid: number;
  started: string;
}

export function currentHost(): string {
  // A space would break the key=value marker; the description is capped at 400 characters.
  return osHostname().replace(/\s+/g, '_').slice(0, 200) || 'unknown-host';
}

export function listenDescription(m: ListenMarker): string {
  return `${MARKER_PREFIX} host=${m.host} pid=${m.pid} started=${m.started}`;
}

export function parseListenMarker(description: string | undefined): ListenMarker | undefined {
  const m = /^ycp listen host=(\S+) pid=(\d+) started=(\S+)/.exec(description ?? '');
  if (!m) return undefined;
  return { host: m[1]!, pid: Number(m[2]), started: m[3]! };
}

/** This process: the marker lets `clean` test whether the run that made an endpoint is alive. */
export function currentPid(): number {
  return process.pid;
}

export type LeftoverVerdict =
  | { remove: true; why: Msg }
  | { remove: false; why: Msg };

/**
 * Same host + dead pid: a leftover. Same host + live pid: a running listen, kept. Another host: we
 * cannot see its processes, so only with --all-hosts or once older than OTHER_HOST_MAX_AGE_MS.
 */
export function judgeLeftover(
  m: ListenMarker,
  o: { host: string; now: number; isAlive: (pid: number) => boolean; allHosts?: boolean; maxAgeMs?: number },
): LeftoverVerdict {
  if (m.host === o.host) {
    return o.isAlive(m.pid) ? { remove: false, why: msg('hooks.whyAlive', { pid: m.pid }) } : { remove: true, why: msg('hooks.whyGone', { pid: m.pid }) };
  }
  if (o.allHosts) return { remove: true, why: msg('hooks.whyAllHosts', { host: m.host }) };
  const age = o.now - Date.parse(m.started);
  const max = o.maxAgeMs ?? OTHER_HOST_MAX_AGE_MS;
  if (Number.isFinite(age) && age > max) return { remove: true, why: msg('hooks.whyOld', { host: m.host, hours: Math.round(max / 3_600_000) }) };
  return { remove: false, why: msg('hooks.whyOtherHost', { host: m.host }) };
}

export interface RecordedEndpoint {
  id: string;
  url: string;
  host: string;
  pid: number;
  started: string;
}

// Several listen runs share the list: each change is applied to the list as the file holds it at the
// write (store.update), never to this process's last view of it, or one run would drop another's entry.
export async function recordEndpoint(ctx: Pick<Ctx, 'config'>, e: RecordedEndpoint): Promise<void> {
  const cfg = await ctx.config();
  await cfg.store.update(cfg.profile, STORE_KEY, (v) => [...asRecorded(v).filter((x) => x.id !== e.id), e]);
}

export async function forgetEndpoint(ctx: Pick<Ctx, 'config'>, id: string): Promise<void> {
  await forgetEndpoints(ctx, new Set([id]));
}

/** Removes these ids from the recorded list; no write when none of them is recorded. */
export async function forgetEndpoints(ctx: Pick<Ctx, 'config'>, ids: ReadonlySet<string>): Promise<void> {
  const cfg = await ctx.config();
  if (!recordedEndpoints(cfg.store.profile(cfg.profile)).some((x) => ids.has(x.id))) return;
  await cfg.store.update(cfg.profile, STORE_KEY, (v) => asRecorded(v).filter((x) => !ids.has(x.id)));
}

export function recordedEndpoints(profile: Readonly<Record<string, unknown>>): RecordedEndpoint[] {
  return asRecorded(profile[STORE_KEY]);
}

const asRecorded = (v: unknown): RecordedEndpoint[] => (Array.isArray(v) ? (v as RecordedEndpoint[]).filter((x) => x && typeof x.id === 'string') : []);

/** Deletes one endpoint; a 404 means it is already gone, which is what we wanted. */
export async function deleteEndpointQuietly(api: YcloudApi, id: string): Promise<'deleted' | 'gone'> {
  try {
    await api.deleteWebhookEndpoint(id);
    return 'deleted';
  } catch (err) {
    if (err instanceof YcpError && err.info.code === 'NOT_FOUND') return 'gone';
    throw err;
  }
}

export type { WebhookEndpoint };
