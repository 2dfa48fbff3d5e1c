import type { Ctx } from '../../core/context.js';
import { success, say } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function authLogout(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const cfg = await ctx.config();
  const had = typeof cfg.store.profile(cfg.profile).apiKey === 'string';
  if (had) await cfg.store.unset(cfg.profile, 'apiKey');
  render(ctx.io, o, { profile: cfg.profile, removed: had }, () => {
    if (had) success(ctx.io, `Removed the API key of profile "${cfg.profile}"`);
    else say(ctx.io, `Profile "${cfg.profile}" had no stored API key`);
    if (cfg.settings.apiKey.source === 'env') say(ctx.io, 'note: YCLOUD_API_KEY is still set in this shell');
    return '';
  });
}
