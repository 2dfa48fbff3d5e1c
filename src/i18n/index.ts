import { en, type MsgKey } from './en.js';
import { zhCN } from './zh-CN.js';
import { printable } from '../core/printable.js';

export type { MsgKey };
export type Lang = 'en' | 'zh-CN';
/** A parameter may itself be a message (a status word, a setting's source): it is translated too. */
export type Params = Record<string, string | number | Msg>;
/** A message not yet translated: core returns these, the command renders them in the user's language. */
export interface Msg {
  key: MsgKey;
  params?: Params;
}

export const CATALOGS: Record<Lang, Record<MsgKey, string>> = { en, 'zh-CN': zhCN };

/**
 * `lang` comes from the `lang` setting, already normalised to en / zh-CN; anything else falls back to en.
 * Parameters are often network text (WABA names, error messages): they are interpolated printable.
 */
export function t(lang: string | undefined, key: MsgKey, params: Params = {}): string {
  const cat = CATALOGS[lang === 'zh-CN' ? 'zh-CN' : 'en'];
  return (cat[key] ?? en[key]).replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const v = params[name]!;
    return typeof v === 'object' ? t(lang, v.key, v.params) : printable(String(v));
  });
}

export const msg = (key: MsgKey, params?: Params): Msg => ({ key, params });
export const tm = (lang: string | undefined, m: Msg) => t(lang, m.key, m.params);
