import type { Ctx } from '../../core/context.js';
import { t } from '../../i18n/index.js';
import { render } from '../../ui/render.js';
import { formatTable, statusColor } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

/** `status` is already one of ENUMS.wabaReviewStatus (checked by the flag, core/enums.ts). */
export async function wabaList(ctx: Ctx, o: GlobalOpts & { status?: string }): Promise<void> {
  const api = await ctx.api();
  const wabas = await api.listWabas({ accountReviewStatus: o.status });
  const l = ctx.io.lang;
  render(ctx.io, o, wabas, (rows) =>
    formatTable(
      ctx.io,
      rows,
      [
        { header: t(l, 'numbers.fieldId'), get: (w) => w.id },
        { header: t(l, 'numbers.fieldName'), get: (w) => w.name },
        { header: t(l, 'numbers.colReview'), get: (w) => w.accountReviewStatus, color: statusColor },
        { header: t(l, 'numbers.colPayment'), get: (w) => (w.paymentMethodAttached === undefined ? '' : String(w.paymentMethodAttached)), color: statusColor },
        { header: t(l, 'numbers.fieldBusiness'), get: (w) => w.businessName },
      ],
      ctx.clock.now(),
    ),
  );
}
