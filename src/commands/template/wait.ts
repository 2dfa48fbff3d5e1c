import type { Ctx } from '../../core/context.js';
import { checkDigits } from '../../core/validate.js';
import type { GlobalOpts } from '../shared.js';
import { followReview } from './output.js';

export async function templateWait(ctx: Ctx, o: GlobalOpts & { wabaId: string; name: string; language: string; for: string; timeout: number; interval: number }): Promise<void> {
  const lang = (await ctx.config()).lang;
  checkDigits('WABA ID', o.wabaId);
  await followReview(ctx, await ctx.api(), lang, o);
}
