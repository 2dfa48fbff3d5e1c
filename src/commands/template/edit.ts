import type { Ctx } from '../../core/context.js';
import type { TemplateEdit } from '../../core/api/types.js';
import { usageError } from '../../core/errors.js';
import { componentsFromFlags, templateFromFile, type TemplateFlags } from '../../core/template/build.js';
import { checkDigits } from '../../core/validate.js';
import { t } from '../../i18n/index.js';
import { success } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';
import { assertValidTemplate, templateFields } from './output.js';

/**
 * PATCH by name and language: the spec lets an edit replace the components (all of them: what is not
 * sent is gone), the send TTL and link tracking; never the name, language or category.
 */
export async function templateEdit(ctx: Ctx, o: GlobalOpts & Omit<TemplateFlags, 'name' | 'language' | 'category'> & { wabaId: string; name: string; language: string; file?: string }): Promise<void> {
  const lang = (await ctx.config()).lang;
  checkDigits('WABA ID', o.wabaId);
  const flagged = (['body', 'headerText', 'footer', 'button', 'example'] as const).filter((k) => o[k] !== undefined);
  if (o.file && flagged.length) throw usageError(t(lang, 'tpl.fileOrFlags'));
  if (!o.file && o.body === undefined) throw usageError(t(lang, 'tpl.editNeeds'), t(lang, 'tpl.editNeedsHint'));
  const who = `${o.name} (${o.language})`;
  let body: TemplateEdit;
  if (o.file) {
    const f = await templateFromFile(o.file, lang);
    body = { components: f.components as unknown[], ...(f.messageSendTtlSeconds !== undefined ? { messageSendTtlSeconds: f.messageSendTtlSeconds as number } : {}), ...(f.ctaUrlLinkTrackingOptedOut !== undefined ? { ctaUrlLinkTrackingOptedOut: f.ctaUrlLinkTrackingOptedOut as boolean } : {}) };
  } else body = { components: componentsFromFlags(o, lang) };
  assertValidTemplate(body as never, lang, 'edit', who);
  const api = await ctx.api();
  const edited = await api.editTemplate(o.wabaId, o.name, o.language, body);
  if (!o.json) success(ctx.io, t(lang, 'tpl.edited', { who, status: String(edited.status ?? '') }));
  render(ctx.io, o, edited, (x) => templateFields(ctx, lang, x));
}
