import type { Ctx } from '../../core/context.js';
import { t } from '../../i18n/index.js';
import { success, say } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function authLogout(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const cfg = await ctx.config();
  const l = ctx.io.lang;
  const had = typeof cfg.store.profile(cfg.profile).apiKey === 'string';
  if (had) await cfg.store.unset(cfg.profile, 'apiKey');
  render(ctx.io, o, { profile: cfg.profile, removed: had }, () => {
    if (had) success(ctx.io, t(l, 'account.loggedOut', { profile: cfg.profile }));
    else say(ctx.io, t(l, 'account.noStoredKey', { profile: cfg.profile }));
    if (cfg.settings.apiKey.source === 'env') say(ctx.io, t(l, 'account.envStillSet'));
    return '';
  });
}
