import { msg, type Msg } from '../i18n/index.js';
import type { Resolved } from './settings.js';

/**
 * Where a setting came from, as words in the user's language ("env YCLOUD_API_KEY", "profile"). Shared by
 * the wizard, `status` and `doctor`; kept out of settings.ts, which `--help` loads without the catalogs.
 */
export function sourceMsg(r: Pick<Resolved, 'source' | 'from'>): Msg {
  return msg(`src.${r.source}`, { from: r.from ?? '' });
}
