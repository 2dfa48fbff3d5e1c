import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { isSecret, settingName } from '../../core/setting-values.js';
import { mask } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function configGet(ctx: Ctx, o: GlobalOpts & { name: string }): Promise<void> {
  const name = settingName(o.name);
  const cfg = await ctx.config();
  const r = cfg.settings[name];
  if (r.value === undefined) throw new YcpError('usage', `${name} is not set`, { hint: `ycp config set ${name} <value>` });
  const value = isSecret(name) ? mask(r.value) : r.value;
  render(ctx.io, o, { name, value, source: r.source, from: r.from }, (d) => d.value);
}
