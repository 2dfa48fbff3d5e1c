import type { Ctx } from '../../core/context.js';
import { checkDigits } from '../../core/validate.js';
import { colors, warn } from '../../ui/format.js';
import { formatFields, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function wabaGet(ctx: Ctx, o: GlobalOpts & { wabaId: string }): Promise<void> {
  const wabaId = checkDigits('WABA ID', o.wabaId);
  const api = await ctx.api();
  const w = await api.getWaba(wabaId);
  render(ctx.io, o, w, () => {
    const ch = colors(ctx.io).out;
    const pm = w.paymentMethodAttached === true ? ch.green('yes') : w.paymentMethodAttached === false ? ch.red('NO') : 'unknown';
    if (w.paymentMethodAttached === false) warn(ctx.io, 'no payment method is attached: paid messages will fail; contact YCloud to attach its credit line');
    return formatFields(ctx.io, [
      ['payment method attached', ctx.io.stdoutTTY ? pm : String(w.paymentMethodAttached ?? '')],
      ['id', w.id],
      ['name', w.name],
      ['review status', w.accountReviewStatus],
      ['business', w.businessName ? `${w.businessName} (${w.businessId ?? '?'})` : w.businessId],
      ['business verification', w.businessVerificationStatus],
      ['currency', w.currency],
      ['country', w.country],
      ['timezone', w.timezoneId],
      ['messaging limit', w.whatsappBusinessManagerMessagingLimit as string | undefined],
    ]);
  });
}
