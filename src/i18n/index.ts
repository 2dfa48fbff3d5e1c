import { en, type MsgKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { MsgKey };
export type Lang = 'en' | 'zh-CN';
export type Params = Record<string, string | number>;
/** A message not yet translated: core returns these, the command renders them in the user's language. */
export interface Msg {
  key: MsgKey;
  params?: Params;
}

export const CATALOGS: Record<Lang, Record<MsgKey, string>> = { en, 'zh-CN': zhCN };

/** `lang` comes from the `lang` setting, already normalised to en / zh-CN; anything else falls back to en. */
export function t(lang: string | undefined, key: MsgKey, params: Params = {}): string {
  const cat = CATALOGS[lang === 'zh-CN' ? 'zh-CN' : 'en'];
  return (cat[key] ?? en[key]).replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const msg = (key: MsgKey, params?: Params): Msg => ({ key, params });
export const tm = (lang: string | undefined, m: Msg) => t(lang, m.key, m.params);
