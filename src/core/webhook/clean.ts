// `webhook clean`: finds the endpoints that `listen` runs left at YCloud (their marker names a run that is
// gone, policy in endpoints.ts), deletes them, and forgets recorded ids YCloud no longer has.
import type { Ctx } from '../context.js';
import type { Msg } from '../../i18n/index.js';
import { currentHost, deleteEndpointQuietly, forgetEndpoints, judgeLeftover, parseListenMarker, recordedEndpoints } from './endpoints.js';
import { isPidAlive } from '../process/pid.js';

export interface CleanRow {
  id: string;
  url: string;
  action: 'deleted' | 'gone' | 'would delete' | 'kept';
  /** In the user's language when rendered (`tm`). */
  why: Msg;
}

export interface CleanOptions {
  allHosts?: boolean;
  dryRun?: boolean;
}

/** One row per marked endpoint: what was done with it and why. Unmarked endpoints are never touched. */
export async function cleanLeftoverEndpoints(ctx: Pick<Ctx, 'api' | 'config' | 'clock'>, o: CleanOptions = {}): Promise<CleanRow[]> {
  const api = await ctx.api();
  const host = currentHost();
  const rows: CleanRow[] = [];
  const endpoints = await api.listWebhookEndpoints();
  for (const e of endpoints) {
    const marker = parseListenMarker(e.description);
    if (!marker) continue;
    const v = judgeLeftover(marker, { host, now: ctx.clock.now(), isAlive: isPidAlive, allHosts: o.allHosts });
    if (!v.remove) rows.push({ id: e.id, url: e.url, action: 'kept', why: v.why });
    else if (o.dryRun) rows.push({ id: e.id, url: e.url, action: 'would delete', why: v.why });
    else rows.push({ id: e.id, url: e.url, action: await deleteEndpointQuietly(api, e.id), why: v.why });
  }
  if (!o.dryRun) {
    // Forget recorded ids that YCloud no longer has (deleted now, or by hand earlier).
    // Only ids known before the listing can be judged: one a listen run records meanwhile stays.
    const cfg = await ctx.config();
    const removed = new Set(rows.filter((r) => r.action === 'deleted' || r.action === 'gone').map((r) => r.id));
    const live = new Set(endpoints.map((e) => e.id));
    const recorded = recordedEndpoints(cfg.store.profile(cfg.profile));
    await forgetEndpoints(ctx, new Set(recorded.filter((r) => !live.has(r.id) || removed.has(r.id)).map((r) => r.id)));
  }
  return rows;
}
