import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { isSecret, settingLabel, settingName } from '../../core/setting-values.js';
import { msg } from '../../i18n/index.js';
import { mask } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function configGet(ctx: Ctx, o: GlobalOpts & { name: string }): Promise<void> {
  const name = settingName(o.name);
  const label = settingLabel(name);
  const cfg = await ctx.config();
  const r = cfg.settings[name];
  if (r.value === undefined) throw new YcpError('usage', msg('account.notSet', { name: label }), { hint: msg('account.notSetHint', { name: label }) });
  const value = isSecret(name) ? mask(r.value) : r.value;
  render(ctx.io, o, { name: label, value, source: r.source, from: r.from }, (d) => d.value);
}
