import type { Ctx } from '../../core/context.js';
import { checkDigits } from '../../core/validate.js';
import { t } from '../../i18n/index.js';
import { colors, warn } from '../../ui/format.js';
import { formatFields, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function wabaGet(ctx: Ctx, o: GlobalOpts & { wabaId: string }): Promise<void> {
  const wabaId = checkDigits('WABA ID', o.wabaId);
  const api = await ctx.api();
  const w = await api.getWaba(wabaId);
  const l = ctx.io.lang;
  render(ctx.io, o, w, () => {
    const ch = colors(ctx.io).out;
    const pm = w.paymentMethodAttached === true ? ch.green(t(l, 'cli.yes')) : w.paymentMethodAttached === false ? ch.red(t(l, 'numbers.paymentNo')) : t(l, 'cli.unknown');
    if (w.paymentMethodAttached === false) warn(ctx.io, t(l, 'numbers.noPayment'));
    return formatFields(ctx.io, [
      [t(l, 'numbers.fieldPayment'), ctx.io.stdoutTTY ? pm : String(w.paymentMethodAttached ?? '')],
      [t(l, 'numbers.fieldId'), w.id],
      [t(l, 'numbers.fieldName'), w.name],
      [t(l, 'numbers.fieldReview'), w.accountReviewStatus],
      [t(l, 'numbers.fieldBusiness'), w.businessName ? `${w.businessName} (${w.businessId ?? '?'})` : w.businessId],
      [t(l, 'numbers.fieldVerification'), w.businessVerificationStatus],
      [t(l, 'numbers.fieldCurrency'), w.currency],
      [t(l, 'numbers.fieldCountry'), w.country],
      [t(l, 'numbers.fieldTimezone'), w.timezoneId],
      [t(l, 'numbers.fieldMessagingLimit'), w.whatsappBusinessManagerMessagingLimit as string | undefined],
    ]);
  });
}
