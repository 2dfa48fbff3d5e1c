import type { Ctx } from '../../core/context.js';
import { checkDigits } from '../../core/validate.js';
import { render } from '../../ui/render.js';
import { formatTable, statusColor } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export async function phoneList(ctx: Ctx, o: GlobalOpts & { waba?: string; status?: string }): Promise<void> {
  const wabaId = o.waba === undefined ? undefined : checkDigits('WABA ID', o.waba);
  const api = await ctx.api();
  const all = await api.listPhoneNumbers({ wabaId });
  // The spec has no status filter for numbers: filter here.
  const numbers = o.status ? all.filter((n) => n.status === o.status) : all;
  render(ctx.io, o, numbers, (rows) =>
    formatTable(
      ctx.io,
      rows,
      [
        { header: 'id', get: (n) => n.id },
        { header: 'number', get: (n) => n.phoneNumber },
        { header: 'status', get: (n) => n.status, color: statusColor },
        { header: 'waba', get: (n) => n.wabaId },
        { header: 'name', get: (n) => n.verifiedName },
        { header: 'quality', get: (n) => n.qualityRating },
      ],
      ctx.clock.now(),
    ),
  );
}
