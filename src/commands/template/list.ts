import type { Ctx } from '../../core/context.js';
import { checkDigits } from '../../core/validate.js';
import { render } from '../../ui/render.js';
import { formatTable, statusColor } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export async function templateList(ctx: Ctx, o: GlobalOpts & { waba?: string; status?: string; name?: string; language?: string }): Promise<void> {
  const wabaId = o.waba === undefined ? undefined : checkDigits('WABA ID', o.waba);
  const api = await ctx.api();
  // filter.name is not validated here: the spec's own example breaks its pattern (CONTRACT §4).
  const templates = await api.listTemplates({ wabaId, status: o.status?.toUpperCase(), name: o.name, language: o.language });
  render(ctx.io, o, templates, (rows) =>
    formatTable(
      ctx.io,
      rows,
      [
        { header: 'name', get: (t) => t.name },
        { header: 'language', get: (t) => t.language },
        { header: 'status', get: (t) => t.status, color: statusColor },
        { header: 'category', get: (t) => t.category },
        { header: 'waba', get: (t) => t.wabaId },
        { header: 'reason', get: (t) => t.reason },
      ],
      ctx.clock.now(),
    ),
  );
}
