import type { Ctx } from '../../core/context.js';
import { registerPhone } from '../../core/phone/register.js';
import { checkDigits, parsePhoneRef } from '../../core/validate.js';
import { printable, say, success } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { confirmAction, type GlobalOpts } from '../shared.js';

export async function phoneRegister(ctx: Ctx, o: GlobalOpts & { wabaId: string; phone: string }): Promise<void> {
  checkDigits('WABA ID', o.wabaId);
  parsePhoneRef(o.phone);
  // Per operation: the confirmation between the lookup and the register may take a person a while.
  const api = (await ctx.api()).perOperation();
  const r = await registerPhone(api, o.wabaId, o.phone, async (p) => {
    await confirmAction(ctx, o, `Register ${p.e164} (ID ${p.phoneNumberId}, now ${p.number.status ?? 'unknown'})? YCloud allows 10 tries per 72 h.`);
    say(ctx.io, `Registering ${p.e164} (ID ${p.phoneNumberId})…`);
  });
  render(ctx.io, o, { wabaId: r.wabaId, phoneNumberId: r.phoneNumberId, e164: r.e164, skipped: r.skipped, status: r.status }, (d) => {
    if (d.skipped) success(ctx.io, `${d.e164} is already CONNECTED; nothing to do`);
    else {
      success(ctx.io, `Registration sent for ${d.e164}; status now ${printable(d.status ?? 'unknown')}`);
      if (d.status !== 'CONNECTED') say(ctx.io, `next: ycp phone wait ${d.wabaId} ${d.e164}`);
    }
    return `${d.e164}\t${printable(d.status ?? '')}`;
  });
}
