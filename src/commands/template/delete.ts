import type { Ctx } from '../../core/context.js';
import { checkDigits } from '../../core/validate.js';
import { t } from '../../i18n/index.js';
import { printable, success } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { confirmAction, type GlobalOpts } from '../shared.js';

/** Without a language, every language of the name goes: the confirmation says so. */
export async function templateDelete(ctx: Ctx, o: GlobalOpts & { wabaId: string; name: string; language?: string }): Promise<void> {
  const lang = (await ctx.config()).lang;
  checkDigits('WABA ID', o.wabaId);
  const who = o.language ? `${o.name} (${o.language})` : o.name;
  await confirmAction(ctx, o, t(lang, o.language ? 'tpl.deleteOne' : 'tpl.deleteAll', { who, waba: o.wabaId }));
  const api = await ctx.api();
  const gone = await api.deleteTemplate(o.wabaId, o.name, o.language);
  if (!o.json) success(ctx.io, t(lang, 'tpl.deleted', { who, count: gone.length }));
  render(ctx.io, o, gone, (rows) => rows.map((x) => `${printable(x.name)}\t${printable(x.language)}\t${printable(String(x.status ?? ''))}`).join('\n'));
}
