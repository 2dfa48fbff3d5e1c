import type { Ctx } from '../../../core/context.js';
import { phoneTarget, resolvePhone } from '../../../core/phone/resolve.js';
import { render } from '../../../ui/render.js';
import type { GlobalOpts } from '../../shared.js';
import { profileFields } from './output.js';

export async function phoneProfileGet(ctx: Ctx, o: GlobalOpts & { wabaId: string; phone: string }): Promise<void> {
  const lang = (await ctx.config()).lang;
  const target = phoneTarget(o.wabaId, o.phone);
  const api = await ctx.api();
  // The profile takes the E.164 number; an ID is looked up first (CONTRACT §7).
  const p = await resolvePhone(api, target);
  render(ctx.io, o, await api.getPhoneProfile(p.wabaId, p.e164), (x) => profileFields(ctx, lang, x));
}
