import { en, type MsgKey } from './en.js';
import { printable } from '../core/printable.js';
import type { HelpCatalog } from './help/catalog.js';

export type { MsgKey };
export type Lang = 'en' | 'zh-CN';
/** A parameter may itself be a message (a status word, a setting's source): it is translated too. */
export type Params = Record<string, string | number | Msg>;
/** A message not yet translated: core returns these, the command renders them in the user's language. */
export interface Msg {
  key: MsgKey;
  params?: Params;
}

/**
 * English is always here: it is the fallback and the text of every error's `message`. Chinese is loaded
 * by `loadLang('zh-CN')`, which run() awaits once the language is decided and before anything is shown,
 * so an English run never parses the Chinese catalogs (start-up, issue 14).
 */
const loaded: Partial<Record<Lang, Record<MsgKey, string>>> = { en };

/** Loads a language's message catalog (and its help catalog, see help()); English needs nothing. */
export async function loadLang(lang: Lang): Promise<void> {
  if (lang !== 'zh-CN' || loaded[lang]) return;
  const [{ zhCN }, { helpZhCN }] = await Promise.all([import('./zh-CN.js'), import('./help/zh-CN.js')]);
  loaded['zh-CN'] = zhCN;
  helpCatalogs['zh-CN'] = helpZhCN;
}

export type { HelpCatalog };
const helpCatalogs: Partial<Record<Lang, HelpCatalog>> = {};
export const help = (lang: Lang): HelpCatalog | undefined => helpCatalogs[lang];

/**
 * `lang` comes from the `lang` setting, already normalised to en / zh-CN; anything else falls back to en.
 * Parameters are often network text (WABA names, error messages): they are interpolated printable.
 */
export function t(lang: string | undefined, key: MsgKey, params: Params = {}): string {
  const cat = (lang === 'zh-CN' && loaded['zh-CN']) || en;
  return (cat[key] ?? en[key]).replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const v = params[name]!;
    return typeof v === 'object' ? t(lang, v.key, v.params) : printable(String(v));
  });
}

export const msg = (key: MsgKey, params?: Params): Msg => ({ key, params });
export const tm = (lang: string | undefined, m: Msg) => t(lang, m.key, m.params);
/** A message or a text that is already words (a server's, an app's): either way, in `lang`. */
export const text = (lang: string | undefined, m: Msg | string) => (typeof m === 'string' ? m : tm(lang, m));
