// commander argument parsers and the setting-flag builder: one place, one rule each. A parser that throws
// an ArgProblem becomes commander's usage error (exit 2) naming the flag, in the user's language (the
// program puts the problem into words: help/localize.ts).
import { Argument, InvalidArgumentError, Option } from 'commander';
import { durationMs } from '../core/duration.js';
import { ENUMS, enumValue, type EnumName } from '../core/enums.js';
import { SETTINGS, envNames, type Setting, type SettingName } from '../core/settings.js';
import { t, tm, type Lang, type Msg, type MsgKey, type Params } from '../i18n/index.js';

/** A value a parser refused, as a catalog message; commander shows it after "option '--x <v>' argument 'y' is invalid." */
export class ArgProblem extends InvalidArgumentError {
  readonly msg: Msg;
  constructor(key: MsgKey, params?: Params) {
    const m = { key, params };
    super(tm('en', m));
    this.msg = m;
  }
}

/** Durations such as 30s, 10m, 1h30m. */
export function durationArg(value: string): number {
  const ms = durationMs(value);
  if (ms === undefined) throw new ArgProblem('input.durationArg');
  return ms;
}

/** A duration flag whose default is spelled once, the way help shows it (`(default: 10m)`). */
export function durationOption(flags: string, description: string, label: string): Option {
  const ms = durationMs(label);
  if (ms === undefined) throw new Error(`${flags}: default ${label} is not a duration`);
  return new Option(flags, description).argParser(durationArg).default(ms, label);
}

/** A local TCP port; 0 lets the system pick a free one. */
export function portArg(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) throw new ArgProblem('input.port');
  return Number(value);
}

/** A whole number of seconds (signature tolerance, Unix times). */
export function secondsArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new ArgProblem('input.seconds');
  return Number(value);
}

/** A speed-up factor above 0 (the sandbox's --time-scale). */
export function scaleArg(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1_000_000) throw new ArgProblem('input.scale');
  return n;
}

/** Collects a repeatable option into an array. */
export function collectArg(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A value of an ENUMS row (core/enums.ts), in the table's spelling whatever its case. */
export function enumArg(name: EnumName): (value: string) => string {
  return (value) => {
    const v = enumValue(name, value);
    if (v === undefined) throw new ArgProblem('input.choice', { choices: ENUMS[name].join(', ') });
    return v;
  };
}

/** A flag whose value is one of an ENUMS row: checked before anything is sent, the choices in its help and its error. */
export function enumOption(flags: string, description: string, name: EnumName): Option {
  const o = new Option(flags, description).argParser(enumArg(name));
  o.argChoices = [...ENUMS[name]];
  return o;
}

/** The same for a positional argument (`completion <shell>`). */
export function enumArgument(spec: string, description: string, name: EnumName): Argument {
  const a = new Argument(spec, description).argParser(enumArg(name));
  a.argChoices = [...ENUMS[name]];
  return a;
}

/**
 * A setting's flag, built from its SETTINGS row: the flag, its placeholder and the "(env: …)" note come
 * from the table, so they cannot drift. The value reaches resolveSettings through ctx.flags, where the
 * row's check runs (in the user's language). `help` replaces the row's description where a command
 * says more (`--app-id <id>  your Meta app ID (step 3)`).
 */
export function settingOption(name: SettingName, help?: string): Option {
  const s: Setting = SETTINGS[name];
  if (!s.flag) throw new Error(`setting ${name} has no flag`);
  return new Option(`${s.flag} <${s.arg ?? 'value'}>`, `${help ?? s.description}${settingNote(name, 'en')}`);
}

/** A setting's env vars as help names them (`YCP_LANG, then LANG`): flag notes and the root's Environment list. */
export const envList = (s: Setting, lang: Lang): string => envNames(s).join(t(lang, 'cli.settingEnvThen'));

/** `(env: YCP_APP_ID)` after a setting flag's help, from its row; in `lang`. */
export function settingNote(name: SettingName, lang: Lang): string {
  const s: Setting = SETTINGS[name];
  const env = envList(s, lang);
  const parts = [
    env ? t(lang, 'cli.settingEnv', { names: env }) : '',
    s.default ? t(lang, 'cli.settingDefault', { value: s.default }) : '',
  ].filter(Boolean);
  return parts.length ? t(lang, 'cli.settingNote', { parts: parts.join(t(lang, 'cli.settingNoteSep')) }) : '';
}
