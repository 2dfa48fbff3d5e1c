import type { Ctx } from '../../core/context.js';
import { checkSettingValue, settingName } from '../../core/setting-values.js';
import { success, warn } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function configSet(ctx: Ctx, o: GlobalOpts & { name: string; value: string }): Promise<void> {
  const name = settingName(o.name);
  const cfg = await ctx.config();
  const value = checkSettingValue(name, o.value, cfg.lang);
  await cfg.store.set(cfg.profile, name, value);
  const r = cfg.settings[name];
  render(ctx.io, o, { profile: cfg.profile, name, value }, () => {
    success(ctx.io, `${name} = ${value} (profile "${cfg.profile}")`);
    if (r.source === 'flag' || r.source === 'env') warn(ctx.io, `${r.from} overrides this value in the current shell`);
    return '';
  });
}
