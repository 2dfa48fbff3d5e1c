import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { checkTemplates, type TemplateRow } from '../../core/template/review.js';
import { checkDigits } from '../../core/validate.js';
import { t, type Lang } from '../../i18n/index.js';
import { say } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { formatTable, statusColor } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

/** CI gate: exit 0 when every template (or every language of each name given) is in --expect, else 3. */
export async function templateCheck(ctx: Ctx, o: GlobalOpts & { waba: string; expect: string; names: string[] }): Promise<void> {
  const lang = (await ctx.config()).lang;
  const wabaId = checkDigits('WABA ID', o.waba);
  const report = await checkTemplates(await ctx.api(), { wabaId, expect: o.expect, names: o.names });
  if (report.ok) {
    render(ctx.io, o, report, (r) => {
      say(ctx.io, t(lang, 'tpl.checkOk', { count: r.checked, status: o.expect }));
      return table(ctx, lang, r.templates);
    });
    return;
  }
  if (!o.json) ctx.io.stdout.write(table(ctx, lang, report.offenders));
  const none = report.checked === 0;
  throw new YcpError('pending', none ? t(lang, 'tpl.checkNone', { waba: wabaId }) : t(lang, 'tpl.checkBad', { bad: report.offenders.length, count: report.checked, status: o.expect }), {
    hint: t(lang, none ? 'tpl.checkNoneHint' : 'tpl.checkBadHint', { waba: wabaId }),
    details: report,
  });
}

function table(ctx: Ctx, lang: Lang, rows: TemplateRow[]): string {
  return formatTable(
    ctx.io,
    rows,
    [
      { header: t(lang, 'tpl.f.name'), get: (r) => r.name },
      { header: t(lang, 'tpl.f.language'), get: (r) => r.language },
      { header: t(lang, 'tpl.f.status'), get: (r) => r.status, color: statusColor },
      { header: t(lang, 'tpl.f.category'), get: (r) => r.category },
      { header: t(lang, 'tpl.f.reason'), get: (r) => r.reason },
    ],
    ctx.clock.now(),
  );
}
