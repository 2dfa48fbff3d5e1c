import type { Ctx } from '../../core/context.js';
import { checkDigits } from '../../core/validate.js';
import { t } from '../../i18n/index.js';
import { render } from '../../ui/render.js';
import { formatTable, statusColor } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export async function phoneList(ctx: Ctx, o: GlobalOpts & { waba?: string; status?: string }): Promise<void> {
  const wabaId = o.waba === undefined ? undefined : checkDigits('WABA ID', o.waba);
  const api = await ctx.api();
  const all = await api.listPhoneNumbers({ wabaId });
  // The spec has no status filter for numbers: filter here.
  const numbers = o.status ? all.filter((n) => n.status === o.status) : all;
  const l = ctx.io.lang;
  render(ctx.io, o, numbers, (rows) =>
    formatTable(
      ctx.io,
      rows,
      [
        { header: t(l, 'numbers.fieldId'), get: (n) => n.id },
        { header: t(l, 'numbers.fieldNumber'), get: (n) => n.phoneNumber },
        { header: t(l, 'numbers.fieldStatus'), get: (n) => n.status, color: statusColor },
        { header: t(l, 'numbers.fieldWaba'), get: (n) => n.wabaId },
        { header: t(l, 'numbers.fieldName'), get: (n) => n.verifiedName },
        { header: t(l, 'numbers.fieldQuality'), get: (n) => n.qualityRating },
      ],
      ctx.clock.now(),
    ),
  );
}
