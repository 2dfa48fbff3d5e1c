import type { Ctx } from '../../core/context.js';
import { registerPhone } from '../../core/phone/register.js';
import { phoneTarget } from '../../core/phone/resolve.js';
import { t } from '../../i18n/index.js';
import { printable, say, success } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { confirmAction, type GlobalOpts } from '../shared.js';

export async function phoneRegister(ctx: Ctx, o: GlobalOpts & { wabaId: string; phone: string }): Promise<void> {
  const target = phoneTarget(o.wabaId, o.phone);
  const l = ctx.io.lang;
  // Per operation: the confirmation between the lookup and the register may take a person a while.
  const api = (await ctx.api()).perOperation();
  const r = await registerPhone(api, target, async (p) => {
    await confirmAction(ctx, o, t(l, 'numbers.confirmRegister', { e164: p.e164, id: p.phoneNumberId, status: p.number.status ?? t(l, 'cli.unknown') }));
    say(ctx.io, t(l, 'numbers.registering', { e164: p.e164, id: p.phoneNumberId }));
  });
  render(ctx.io, o, { wabaId: r.wabaId, phoneNumberId: r.phoneNumberId, e164: r.e164, skipped: r.skipped, status: r.status }, (d) => {
    if (d.skipped) success(ctx.io, t(l, 'numbers.alreadyConnected', { e164: d.e164 }));
    else {
      success(ctx.io, t(l, 'numbers.registrationSent', { e164: d.e164, status: d.status ?? t(l, 'cli.unknown') }));
      if (d.status !== 'CONNECTED') say(ctx.io, t(l, 'numbers.next', { command: `ycp phone wait ${d.wabaId} ${d.e164}` }));
    }
    return `${d.e164}\t${printable(d.status ?? '')}`;
  });
}
