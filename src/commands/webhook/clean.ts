import type { Ctx } from '../../core/context.js';
import type { CleanRow } from '../../core/webhook/clean.js';
import { cleanLeftoverEndpoints } from '../../core/webhook/clean.js';
import { t, tm, type MsgKey } from '../../i18n/index.js';
import { say } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { formatTable } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export interface WebhookCleanOptions extends GlobalOpts {
  allHosts?: boolean;
  dryRun?: boolean;
}

const ACTION: Record<CleanRow['action'], MsgKey> = { deleted: 'hooks.actionDeleted', gone: 'hooks.actionGone', 'would delete': 'hooks.actionWouldDelete', kept: 'hooks.actionKept' };

/** Deletes endpoints whose `ycp listen` marker names a run that is gone (core/webhook/clean.ts). */
export async function webhookClean(ctx: Ctx, o: WebhookCleanOptions): Promise<void> {
  const l = ctx.io.lang;
  const rows = (await cleanLeftoverEndpoints(ctx, { allHosts: o.allHosts, dryRun: o.dryRun })).map((r) => ({ ...r, why: tm(l, r.why) }));
  const acted = rows.filter((r) => r.action !== 'kept').length;
  if (!o.json) say(ctx.io, acted ? t(l, o.dryRun ? 'hooks.wouldDelete' : 'hooks.deleted', { n: acted }) : t(l, 'hooks.nothingToClean'));
  render(ctx.io, o, rows, (r) =>
    r.length
      ? formatTable(ctx.io, r, [
          { header: t(l, 'hooks.colAction'), get: (x) => t(l, ACTION[x.action]), color: (v) => (v === t(l, 'hooks.actionKept') ? 'dim' : 'yellow') },
          { header: t(l, 'hooks.fieldId'), get: (x) => x.id },
          { header: t(l, 'hooks.fieldUrl'), get: (x) => x.url },
          { header: t(l, 'hooks.colWhy'), get: (x) => x.why },
        ], ctx.clock.now())
      : '',
  );
}
