import type { Ctx } from '../../core/context.js';
import { settingName } from '../../core/setting-values.js';
import { success } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function configUnset(ctx: Ctx, o: GlobalOpts & { name: string }): Promise<void> {
  const name = settingName(o.name);
  const cfg = await ctx.config();
  const had = cfg.store.profile(cfg.profile)[name] !== undefined;
  await cfg.store.unset(cfg.profile, name);
  render(ctx.io, o, { profile: cfg.profile, name, removed: had }, () => {
    success(ctx.io, had ? `${name} removed from profile "${cfg.profile}"` : `${name} was not set in profile "${cfg.profile}"`);
    return '';
  });
}
