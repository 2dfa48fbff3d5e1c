import type { Ctx } from '../../core/context.js';
import { checkDigits } from '../../core/validate.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';
import { templateFields } from './output.js';

export async function templateGet(ctx: Ctx, o: GlobalOpts & { wabaId: string; name: string; language: string }): Promise<void> {
  const lang = (await ctx.config()).lang;
  checkDigits('WABA ID', o.wabaId);
  const api = await ctx.api();
  const tpl = await api.getTemplate(o.wabaId, o.name, o.language);
  render(ctx.io, o, tpl, (x) => templateFields(ctx, lang, x));
}
