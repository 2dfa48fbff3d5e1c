import type { Ctx } from '../../core/context.js';
import { SETTING_NAMES } from '../../core/settings.js';
import { isSecret } from '../../core/setting-values.js';
import { mask } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { formatTable } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export async function configList(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const cfg = await ctx.config();
  const rows = SETTING_NAMES.map((name) => {
    const r = cfg.settings[name];
    const value = r.value === undefined ? undefined : isSecret(name) ? mask(r.value) : r.value;
    return { name, value, source: r.source, from: r.from };
  });
  render(ctx.io, o, { profile: cfg.profile, path: cfg.store.path, settings: rows }, (d) =>
    formatTable(
      ctx.io,
      d.settings,
      [
        { header: 'setting', get: (r) => r.name },
        { header: 'value', get: (r) => r.value ?? '' },
        { header: 'source', get: (r) => (r.from ? `${r.source} (${r.from})` : r.source) },
      ],
      ctx.clock.now(),
    ),
  );
}
