import type { Ctx } from '../../core/context.js';
import type { TemplateCreate } from '../../core/api/types.js';
import { usageError } from '../../core/errors.js';
import { templateFromFile, templateFromFlags, type TemplateFlags } from '../../core/template/build.js';
import { checkDigits } from '../../core/validate.js';
import { t } from '../../i18n/index.js';
import { say, success } from '../../ui/format.js';
import { emitLine, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';
import { assertValidTemplate, followReview, templateFields } from './output.js';

export interface TemplateCreateOptions extends GlobalOpts, TemplateFlags {
  waba: string;
  file?: string;
  /** --wait alone means APPROVED. */
  wait?: string | boolean;
  timeout: number;
  interval: number;
}

export async function templateCreate(ctx: Ctx, o: TemplateCreateOptions): Promise<void> {
  const lang = (await ctx.config()).lang;
  const wabaId = checkDigits('WABA ID', o.waba);
  const flagged = (['name', 'language', 'category', 'body', 'headerText', 'footer', 'button', 'example'] as const).filter((k) => o[k] !== undefined);
  if (o.file && flagged.length) throw usageError(t(lang, 'tpl.fileOrFlags'));
  const body = o.file ? { ...(await templateFromFile(o.file, lang)), wabaId } : templateFromFlags(o, wabaId, lang);
  const who = `${String(body.name)} (${String(body.language)})`;
  assertValidTemplate(body, lang, 'create', who);
  const api = await ctx.api();
  const created = await api.createTemplate(body as TemplateCreate);
  const wanted = o.wait === true ? 'APPROVED' : o.wait;
  if (!wanted) {
    if (!o.json) success(ctx.io, t(lang, 'tpl.created', { who, status: String(created.status ?? 'PENDING') }));
    render(ctx.io, o, created, (x) => templateFields(ctx, lang, x));
    if (!o.json && created.status === 'PENDING') say(ctx.io, t(lang, 'tpl.nextWait', { waba: wabaId, name: created.name, language: created.language }));
    return;
  }
  if (o.json) emitLine(ctx.io, { event: 'created', template: created });
  else success(ctx.io, t(lang, 'tpl.created', { who, status: String(created.status ?? 'PENDING') }));
  await followReview(ctx, api, lang, { ...o, wabaId, name: created.name, language: created.language, for: wanted }, created);
}
