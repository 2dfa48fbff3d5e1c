import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { checkPhones } from '../../core/phone/check.js';
import { checkDigits, parsePhoneRef } from '../../core/validate.js';
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
      say(ctx.io, `all ${r.checked} number${r.checked === 1 ? '' : 's'} ${o.expect}`);
      return table(ctx, r.numbers);
    });
    return;
  }
  if (!o.json) ctx.io.stdout.write(table(ctx, report.offenders));
  const what = report.checked === 0 ? 'no phone numbers matched' : `${report.offenders.length} of ${report.checked} numbers are not ${o.expect}`;
  throw new YcpError('pending', what, {
    hint: report.checked === 0 ? 'check --waba and the numbers you passed: ycp phone list' : 'see each one with `ycp phone get <wabaId> <phone>`',
    details: report,
  });
}

function table(ctx: Ctx, rows: { phone: string; id?: string; wabaId?: string; status: string }[]): string {
  return formatTable(
    ctx.io,
    rows,
    [
      { header: 'phone', get: (r) => r.phone },
      { header: 'id', get: (r) => r.id },
      { header: 'waba', get: (r) => r.wabaId },
      { header: 'status', get: (r) => r.status, color: statusColor },
    ],
    ctx.clock.now(),
  );
}
