import type { Ctx } from '../../core/context.js';
import {
  STORE_KEY, currentHost, deleteEndpointQuietly, isPidAlive, judgeLeftover, parseListenMarker, recordedEndpoints,
} from '../../core/webhook/endpoints.js';
import { say } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { formatTable } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export interface WebhookCleanOptions extends GlobalOpts {
  allHosts?: boolean;
  dryRun?: boolean;
}

interface Row {
  id: string;
  url: string;
  action: 'deleted' | 'gone' | 'would delete' | 'kept';
  why: string;
}

/** Deletes endpoints whose `ycp listen` marker names a run that is gone (policy: core/webhook/endpoints.ts). */
export async function webhookClean(ctx: Ctx, o: WebhookCleanOptions): Promise<void> {
  const api = await ctx.api();
  const host = currentHost();
  const rows: Row[] = [];
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
    const cfg = await ctx.config();
    const removed = new Set(rows.filter((r) => r.action === 'deleted' || r.action === 'gone').map((r) => r.id));
    const live = new Set(endpoints.map((e) => e.id));
    const recorded = recordedEndpoints(cfg.store.profile(cfg.profile));
    const keep = recorded.filter((r) => live.has(r.id) && !removed.has(r.id));
    if (keep.length !== recorded.length) await cfg.store.set(cfg.profile, STORE_KEY, keep);
  }
  const acted = rows.filter((r) => r.action !== 'kept').length;
  if (!o.json) say(ctx.io, acted ? `${o.dryRun ? 'would delete' : 'deleted'} ${acted} leftover endpoint(s)` : 'no leftover endpoints to delete');
  render(ctx.io, o, rows, (r) =>
    r.length
      ? formatTable(ctx.io, r, [
          { header: 'action', get: (x) => x.action, color: (v) => (v === 'kept' ? 'dim' : 'yellow') },
          { header: 'id', get: (x) => x.id },
          { header: 'url', get: (x) => x.url },
          { header: 'why', get: (x) => x.why },
        ], ctx.clock.now())
      : '',
  );
}
