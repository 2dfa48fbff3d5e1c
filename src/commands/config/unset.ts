import type { Ctx } from '../../core/context.js';
import { settingLabel, settingName } from '../../core/setting-values.js';
import { t } from '../../i18n/index.js';
import { success } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function configUnset(ctx: Ctx, o: GlobalOpts & { name: string }): Promise<void> {
  const name = settingName(o.name);
  const label = settingLabel(name);
  const cfg = await ctx.config();
  const had = cfg.store.profile(cfg.profile)[name] !== undefined;
  await cfg.store.unset(cfg.profile, name);
  render(ctx.io, o, { profile: cfg.profile, name: label, removed: had }, () => {
    success(ctx.io, t(ctx.io.lang, had ? 'account.removed' : 'account.wasNotSet', { name: label, profile: cfg.profile }));
    return '';
  });
}
