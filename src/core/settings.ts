// ARCHITECTURE §6 / CLI.md §3: one table, one pure resolver, flag > env > profile > default,
// and every value carries where it came from.
export interface Setting {
  flag?: string;
  env?: string | readonly string[];
  default?: string;
  secret?: boolean;
  description: string;
}

export const SETTINGS = {
  apiKey: { env: 'YCLOUD_API_KEY', secret: true, description: 'YCloud API key (store it with `ycp login`)' },
  baseUrl: {
    flag: '--base-url',
    env: 'YCLOUD_BASE_URL',
    default: 'https://api.ycloud.com/v2',
    description: 'YCloud API base URL',
  },
  appId: { flag: '--app-id', env: 'YCP_APP_ID', description: 'your Meta app ID' },
  configId: { flag: '--config-id', env: 'YCP_CONFIG_ID', description: 'Facebook Login for Business configuration ID' },
  solutionId: { flag: '--solution-id', env: 'YCP_SOLUTION_ID', description: 'Partner Solution ID' },
  graphVersion: { flag: '--graph-version', env: 'YCP_GRAPH_VERSION', default: 'v25.0', description: 'Graph API version for the Facebook SDK' },
  lang: { flag: '--lang', env: ['YCP_LANG', 'LANG'], default: 'en', description: 'language of init/status/doctor (en, zh-CN)' },
  // No global --timeout flag: phone wait, message send --wait and signup serve already have their own
  // --timeout (how long to wait for a state), and one flag name with two meanings would confuse.
  timeout: {
    env: 'YCP_TIMEOUT',
    default: '60s',
    description: 'deadline of a network command, retries included; waits use their --timeout (e.g. 30s, 2m)',
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
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

export function resolveSettings({ flags, env, profile }: ResolveInput): ResolvedSettings {
  const out = {} as ResolvedSettings;
  for (const name of SETTING_NAMES) {
    const s: Setting = SETTINGS[name];
    const flagValue = flags[name];
    if (s.flag && isSet(flagValue)) {
      out[name] = { value: normalize(name, flagValue), source: 'flag', from: s.flag };
      continue;
    }
    const envNames = s.env === undefined ? [] : typeof s.env === 'string' ? [s.env] : s.env;
    const hit = envNames.find((n) => isSet(env[n]));
    if (hit) {
      out[name] = { value: normalize(name, env[hit]!), source: 'env', from: hit };
      continue;
    }
    const stored = profile[name];
    if (typeof stored === 'string' && stored !== '') {
      out[name] = { value: normalize(name, stored), source: 'profile' };
      continue;
    }
    out[name] = s.default !== undefined ? { value: s.default, source: 'default' } : { value: undefined, source: 'unset' };
  }
  return out;
}

function isSet(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

function normalize(name: SettingName, value: string): string {
  const v = value.trim();
  if (name === 'lang') return normalizeLang(v);
  if (name === 'baseUrl') return v.replace(/\/+$/, '');
  return v;
}

/** `zh_CN.UTF-8`, `zh-TW`, `zh` → zh-CN; anything else → en. */
export function normalizeLang(v: string): 'en' | 'zh-CN' {
  return /^zh([-_].*)?$/i.test(v.split('.')[0]!) ? 'zh-CN' : 'en';
}

export function profileName(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): { name: string; source: Source } {
  if (isSet(flag)) return { name: flag.trim(), source: 'flag' };
  if (isSet(env.YCP_PROFILE)) return { name: env.YCP_PROFILE.trim(), source: 'env' };
  return { name: 'default', source: 'default' };
}

/** The lines `ycp --help` prints under "Environment", generated so they cannot drift. */
export function envHelp(): string {
  const rows = SETTING_NAMES.map((n) => {
    const s: Setting = SETTINGS[n];
    const env = s.env === undefined ? '' : typeof s.env === 'string' ? s.env : s.env.join(', then ');
    return [env, s.description + (s.default ? ` (default ${s.default})` : '')];
  });
  rows.push(['YCP_PROFILE', 'profile to use (default "default")'], ['YCP_CONFIG_DIR', 'where the config file lives'], ['NO_COLOR / FORCE_COLOR', 'colour control']);
  const w = Math.max(...rows.map((r) => r[0]!.length));
  return rows.map(([a, b]) => `  ${a!.padEnd(w)}  ${b}`).join('\n');
}
