import type { Ctx } from '../../core/context.js';
import { checkSettingValue, settingLabel, settingName } from '../../core/setting-values.js';
import { t } from '../../i18n/index.js';
import { success, warn } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function configSet(ctx: Ctx, o: GlobalOpts & { name: string; value: string }): Promise<void> {
  const name = settingName(o.name);
  const label = settingLabel(name);
  const cfg = await ctx.config();
  const value = checkSettingValue(name, o.value);
  await cfg.store.set(cfg.profile, name, value);
  const r = cfg.settings[name];
  render(ctx.io, o, { profile: cfg.profile, name: label, value }, () => {
    success(ctx.io, t(ctx.io.lang, 'account.stored', { name: label, value, profile: cfg.profile }));
    if (r.source === 'flag' || r.source === 'env') warn(ctx.io, t(ctx.io.lang, 'account.overridden', { from: r.from ?? '' }));
    return '';
  });
}
