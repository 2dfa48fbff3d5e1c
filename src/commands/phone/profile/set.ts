import type { Ctx } from '../../../core/context.js';
import { profileUpdate, type ProfileFlags } from '../../../core/phone/profile.js';
import { phoneTarget, resolvePhone } from '../../../core/phone/resolve.js';
import { t } from '../../../i18n/index.js';
import { success } from '../../../ui/format.js';
import { render } from '../../../ui/render.js';
import type { GlobalOpts } from '../../shared.js';
import { profileFields } from './output.js';

export async function phoneProfileSet(ctx: Ctx, o: GlobalOpts & ProfileFlags & { wabaId: string; phone: string }): Promise<void> {
  const lang = (await ctx.config()).lang;
  const target = phoneTarget(o.wabaId, o.phone);
  const body = profileUpdate(o, lang); // exit 2 before any request
  const api = await ctx.api();
  const p = await resolvePhone(api, target);
  const updated = await api.updatePhoneProfile(p.wabaId, p.e164, body);
  if (!o.json) success(ctx.io, t(lang, 'ph.updated', { phone: p.e164 }));
  render(ctx.io, o, updated, (x) => profileFields(ctx, lang, x));
}
