import type { Ctx } from '../../core/context.js';
import { phoneTarget, resolvePhone } from '../../core/phone/resolve.js';
import { t } from '../../i18n/index.js';
import { formatFields, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function phoneGet(ctx: Ctx, o: GlobalOpts & { wabaId: string; phone: string }): Promise<void> {
  const target = phoneTarget(o.wabaId, o.phone); // before any request
  const api = await ctx.api();
  const { number: n } = await resolvePhone(api, target);
  const l = ctx.io.lang;
  render(ctx.io, o, n, () =>
    formatFields(ctx.io, [
      [t(l, 'numbers.fieldStatus'), n.status],
      [t(l, 'numbers.fieldId'), n.id],
      [t(l, 'numbers.fieldNumber'), n.phoneNumber],
      [t(l, 'numbers.fieldDisplay'), n.displayPhoneNumber],
      [t(l, 'numbers.fieldWaba'), n.wabaId],
      [t(l, 'numbers.fieldVerifiedName'), n.verifiedName],
      [t(l, 'numbers.fieldNameStatus'), n.nameStatus],
      [t(l, 'numbers.fieldQuality'), n.qualityRating],
      [t(l, 'numbers.fieldMessagingLimit'), n.messagingLimit],
      [t(l, 'numbers.fieldCodeVerification'), n.codeVerificationStatus],
    ]),
  );
}
