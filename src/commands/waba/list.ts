import type { Ctx } from '../../core/context.js';
import { render } from '../../ui/render.js';
import { formatTable, statusColor } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export async function wabaList(ctx: Ctx, o: GlobalOpts & { status?: string }): Promise<void> {
  const api = await ctx.api();
  const wabas = await api.listWabas({ accountReviewStatus: o.status?.toUpperCase() });
  render(ctx.io, o, wabas, (rows) =>
    formatTable(
      ctx.io,
      rows,
      [
        { header: 'id', get: (w) => w.id },
        { header: 'name', get: (w) => w.name },
        { header: 'review', get: (w) => w.accountReviewStatus, color: statusColor },
        { header: 'payment method', get: (w) => (w.paymentMethodAttached === undefined ? '' : String(w.paymentMethodAttached)), color: statusColor },
        { header: 'business', get: (w) => w.businessName },
      ],
      ctx.clock.now(),
    ),
  );
}
