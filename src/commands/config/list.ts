import type { Ctx } from '../../core/context.js';
import type { Source } from '../../core/settings.js';
import { SETTING_NAMES } from '../../core/settings.js';
import { isSecret, settingLabel } from '../../core/setting-values.js';
import { t, type MsgKey } from '../../i18n/index.js';
import { mask } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { formatTable } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

const SOURCE: Record<Source, MsgKey> = { flag: 'account.srcFlag', env: 'account.srcEnv', profile: 'account.srcProfile', default: 'account.srcDefault', unset: 'account.srcUnset' };

export async function configList(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const cfg = await ctx.config();
  const l = ctx.io.lang;
  // Names as people type them (`app-id`), in JSON too: one spelling everywhere (issue 14).
  const rows = SETTING_NAMES.map((name) => {
    const r = cfg.settings[name];
    const value = r.value === undefined ? undefined : isSecret(name) ? mask(r.value) : r.value;
    return { name: settingLabel(name), value, source: r.source, from: r.from };
  });
  render(ctx.io, o, { profile: cfg.profile, path: cfg.store.path, settings: rows }, (d) =>
    formatTable(
      ctx.io,
      d.settings,
      [
        { header: t(l, 'account.colSetting'), get: (r) => r.name },
        { header: t(l, 'account.colValue'), get: (r) => r.value ?? '' },
        { header: t(l, 'account.colSource'), get: (r) => (r.from ? t(l, 'account.sourceFrom', { source: t(l, SOURCE[r.source]), from: r.from }) : t(l, SOURCE[r.source])) },
      ],
      ctx.clock.now(),
    ),
  );
}
