import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { checkPhones } from '../../core/phone/check.js';
import { checkDigits, parsePhoneRef } from '../../core/validate.js';
import { msg, t } from '../../i18n/index.js';
import { say } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { formatTable, statusColor } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export async function phoneCheck(ctx: Ctx, o: GlobalOpts & { waba?: string; expect: string; phones: string[] }): Promise<void> {
  const wabaId = o.waba === undefined ? undefined : checkDigits('WABA ID', o.waba);
  o.phones.forEach(parsePhoneRef); // bad input fails before any request
  const api = await ctx.api();
  const report = await checkPhones(api, { wabaId, expect: o.expect, phones: o.phones });
  if (report.ok) {
    render(ctx.io, o, report, (r) => {
      say(ctx.io, t(ctx.io.lang, r.checked === 1 ? 'numbers.allOk1' : 'numbers.allOk', { n: r.checked, status: o.expect }));
      return table(ctx, r.numbers);
    });
    return;
  }
  if (!o.json) ctx.io.stdout.write(table(ctx, report.offenders));
  const what = report.checked === 0 ? msg('numbers.noneMatched') : msg('numbers.notAll', { n: report.offenders.length, checked: report.checked, status: o.expect });
  throw new YcpError('pending', what, { hint: msg(report.checked === 0 ? 'numbers.noneMatchedHint' : 'numbers.notAllHint'), details: report });
}

function table(ctx: Ctx, rows: { phone: string; id?: string; wabaId?: string; status: string }[]): string {
  return formatTable(
    ctx.io,
    rows,
    [
      { header: t(ctx.io.lang, 'numbers.colPhone'), get: (r) => r.phone },
      { header: t(ctx.io.lang, 'numbers.fieldId'), get: (r) => r.id },
      { header: t(ctx.io.lang, 'numbers.fieldWaba'), get: (r) => r.wabaId },
      { header: t(ctx.io.lang, 'numbers.fieldStatus'), get: (r) => r.status, color: statusColor },
    ],
    ctx.clock.now(),
  );
}
