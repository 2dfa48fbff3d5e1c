// ARCHITECTURE §6 / CLI.md §3: one table, one pure resolver, flag > env > profile > default,
// and every value carries where it came from. A row is all a setting needs: its flag (built from the row
// by settingOption in commands/args.ts, so help and env text cannot drift), its env vars, its default, its check.
// Loaded by `--help`: no catalogs here, problems are catalog keys (`v.*`) that callers put into words.
import type { Lang, MsgKey } from '../i18n/index.js';
import { durationMs } from './duration.js';
import { DEFAULT_ES_VERSION, ES_DEPRECATION_DATE, isEsVersion } from './signup/es-version.js';

export interface Setting {
  /** The flag that sets it; commander's attribute name for it is the setting's name (`--app-id` → appId). */
  flag?: string;
  /** The flag's value placeholder in help (`--app-id <id>`). */
  arg?: string;
  env?: string | readonly string[];
  default?: string;
  secret?: boolean;
  description: string;
  /** Checks a value a person typed (a flag, `config set`): the problem as a catalog key, or undefined when fine. */
  check?: (value: string) => MsgKey | undefined;
  /** The stored form of a value from any source (trimmed first). */
  normalize?: (value: string) => string;
}

const digits = (v: string): MsgKey | undefined => (/^\d{1,32}$/.test(v) ? undefined : 'v.digits');

export const SETTINGS = {
  apiKey: {
    env: 'YCLOUD_API_KEY',
    secret: true,
    description: 'YCloud API key (store it with `ycp login`)',
    // `config set apiKey` would skip the check login does and land the key in shell history.
    check: () => 'v.keyByLogin',
  },
  baseUrl: {
    flag: '--base-url',
    arg: 'url',
    env: 'YCLOUD_BASE_URL',
    default: 'https://api.ycloud.com/v2',
    description: 'YCloud API base URL',
    check: (v) => (/^https?:\/\/[^\s/]+/i.test(v) && canParseUrl(v) ? undefined : 'v.baseUrl'),
    normalize: (v) => v.replace(/\/+$/, ''),
  },
  appId: { flag: '--app-id', arg: 'id', env: 'YCP_APP_ID', description: 'your Meta app ID', check: digits },
  configId: { flag: '--config-id', arg: 'id', env: 'YCP_CONFIG_ID', description: 'Facebook Login for Business configuration ID', check: digits },
  solutionId: { flag: '--solution-id', arg: 'id', env: 'YCP_SOLUTION_ID', description: 'Partner Solution ID', check: digits },
  graphVersion: {
    flag: '--graph-version',
    arg: 'version',
    env: 'YCP_GRAPH_VERSION',
    default: 'v25.0',
    description: 'Graph API version for the Facebook SDK',
    check: (v) => (/^v\d{1,3}\.\d{1,2}$/.test(v) ? undefined : 'v.graphVersion'),
  },
  // The page's Embedded Signup version (docs/signup.md "Versions"): `signup scaffold` writes it into the
  // page, and `doctor` warns while it names a deprecated one.
  esVersion: {
    flag: '--es-version',
    arg: 'version',
    env: 'YCP_ES_VERSION',
    default: DEFAULT_ES_VERSION,
    description: `Embedded Signup version of the page: v4, or v3 / v2 (deprecated ${ES_DEPRECATION_DATE})`,
    check: (v) => (isEsVersion(v.toLowerCase()) ? undefined : 'v.esVersion'),
    normalize: (v) => v.toLowerCase(),
  },
  lang: {
    flag: '--lang',
    arg: 'lang',
    env: ['YCP_LANG', 'LANG'],
    default: 'en',
    description: 'language: en, zh-CN',
    // A typed value must name a language ycp speaks; LANG from the system is read leniently (normalizeLang).
    check: (v) => (/^(en|zh)([-_][a-z]+)?$/i.test(v.split('.')[0]!) ? undefined : 'v.lang'),
    normalize: (v) => normalizeLang(v),
  },
  // No flag: phone wait, message send --wait and signup serve already have their own --timeout (how long
  // to wait for a state), and one flag name with two meanings would confuse.
  timeout: {
    env: 'YCP_TIMEOUT',
    default: '60s',
    description: 'deadline of a network command, retries included; waits use their --timeout (e.g. 30s, 2m)',
    check: (v) => (positiveDuration(v) ? undefined : 'v.duration'),
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
/** The settings that have a flag: what `ctx.flags.settings` may carry. */
export const FLAG_SETTINGS = SETTING_NAMES.filter((n) => (SETTINGS[n] as Setting).flag);
export type Source = 'flag' | 'env' | 'profile' | 'default' | 'unset';

export interface Resolved {
  value: string | undefined;
  source: Source;
  /** The env var or flag the value came from, for `doctor` and `config list`. */
  from?: string;
}

export type ResolvedSettings = Record<SettingName, Resolved>;

export interface ResolveInput {
  flags: Partial<Record<SettingName, string | undefined>>;
  env: Readonly<Record<string, string | undefined>>;
  profile: Readonly<Record<string, unknown>>;
}

/** The env vars a setting reads, in the order the first set one wins. */
export const envNames = (s: Setting): readonly string[] => (s.env === undefined ? [] : typeof s.env === 'string' ? [s.env] : s.env);

export function resolveSettings(input: ResolveInput): ResolvedSettings {
  const out = {} as ResolvedSettings;
  for (const name of SETTING_NAMES) out[name] = resolveSetting(name, input);
  return out;
}

/** One row of resolveSettings, for a caller that needs one setting (help's language, before commander runs). */
export function resolveSetting(name: SettingName, { flags, env, profile }: ResolveInput): Resolved {
  const s: Setting = SETTINGS[name];
  const flagValue = flags[name];
  if (s.flag && isSet(flagValue)) return { value: normalize(name, flagValue), source: 'flag', from: s.flag };
  const hit = envNames(s).find((n) => isSet(env[n]));
  if (hit) return { value: normalize(name, env[hit]!), source: 'env', from: hit };
  const stored = profile[name];
  if (typeof stored === 'string' && stored !== '') return { value: normalize(name, stored), source: 'profile' };
  return s.default !== undefined ? { value: s.default, source: 'default' } : { value: undefined, source: 'unset' };
}

/** A value a person typed for `name`: its stored form, or the problem as a catalog key (`v.digits`, …). */
export function checkSetting(name: SettingName, value: string): { value: string } | { problem: MsgKey } {
  const v = value.trim();
  const problem = (SETTINGS[name] as Setting).check?.(v);
  return problem ? { problem } : { value: normalize(name, v) };
}

/** The first setting flag whose value fails its row's check. */
export function flagProblem(flags: Partial<Record<SettingName, string | undefined>>): { name: SettingName; flag: string; problem: MsgKey } | undefined {
  for (const name of FLAG_SETTINGS) {
    const v = flags[name];
    if (!isSet(v)) continue;
    const r = checkSetting(name, v);
    if ('problem' in r) return { name, flag: (SETTINGS[name] as Setting).flag!, problem: r.problem };
  }
  return undefined;
}

function isSet(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

function normalize(name: SettingName, value: string): string {
  const v = value.trim();
  const n = (SETTINGS[name] as Setting).normalize;
  return n ? n(v) : v;
}

function positiveDuration(v: string): boolean {
  return (durationMs(v) ?? 0) > 0;
}

function canParseUrl(v: string): boolean {
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/** `zh_CN.UTF-8`, `zh-TW`, `zh` → zh-CN; anything else → en. The one place a value becomes a `Lang`. */
export function normalizeLang(v: string | undefined): Lang {
  return /^zh([-_].*)?$/i.test((v ?? '').split('.')[0]!) ? 'zh-CN' : 'en';
}

export function profileName(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): { name: string; source: Source } {
  if (isSet(flag)) return { name: flag.trim(), source: 'flag' };
  if (isSet(env.YCP_PROFILE)) return { name: env.YCP_PROFILE.trim(), source: 'env' };
  return { name: 'default', source: 'default' };
}
