import type { Ctx } from '../../core/context.js';
import { cleanLeftoverEndpoints } from '../../core/webhook/clean.js';
import { say } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { formatTable } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export interface WebhookCleanOptions extends GlobalOpts {
  allHosts?: boolean;
  dryRun?: boolean;
}

/** Deletes endpoints whose `ycp listen` marker names a run that is gone (core/webhook/clean.ts). */
export async function webhookClean(ctx: Ctx, o: WebhookCleanOptions): Promise<void> {
  const rows = await cleanLeftoverEndpoints(ctx, { allHosts: o.allHosts, dryRun: o.dryRun });
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
