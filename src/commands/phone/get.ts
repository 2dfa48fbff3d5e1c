import type { Ctx } from '../../core/context.js';
import { resolvePhone } from '../../core/phone/resolve.js';
import { checkDigits, parsePhoneRef } from '../../core/validate.js';
import { formatFields, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function phoneGet(ctx: Ctx, o: GlobalOpts & { wabaId: string; phone: string }): Promise<void> {
  checkDigits('WABA ID', o.wabaId); // before any request
  parsePhoneRef(o.phone);
  const api = await ctx.api();
  const { number: n } = await resolvePhone(api, o.wabaId, o.phone);
  render(ctx.io, o, n, () =>
    formatFields(ctx.io, [
      ['status', n.status],
      ['id', n.id],
      ['number', n.phoneNumber],
      ['display', n.displayPhoneNumber],
      ['waba', n.wabaId],
      ['verified name', n.verifiedName],
      ['name status', n.nameStatus],
      ['quality', n.qualityRating],
      ['messaging limit', n.messagingLimit],
      ['code verification', n.codeVerificationStatus],
    ]),
  );
}
