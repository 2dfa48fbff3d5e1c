// Two questions answered from argv before commander runs, shared by the launcher (bin/launcher.ts) and
// cli.ts so that help generated at build time and help commander renders can never disagree:
// - is this argv a plain request for help, which the launcher answers with precomputed text?
// - which language do help and usage text speak?
// Bundled into the CommonJS launcher: keep it to settings.ts and nothing heavier.
import { SETTINGS, normalizeLang, resolveSetting } from '../core/settings.js';
import type { Lang } from '../i18n/index.js';

/** Every language the help is generated in (src/help/generate.ts), one file each in dist/help/. */
export const HELP_LANGS: readonly Lang[] = ['en', 'zh-CN'];


/**
 * The value of `--name X` or `--name=X` in argv (the last one wins, as in commander), or undefined. Flags
 * after `--` are operands.
 */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === name) value = argv[++i];
    else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
  }
  return value;
}

/** Whether a `--lang` value names a language ycp speaks. */
const isLangValue = (v: string | undefined): v is string => v !== undefined && v.trim() !== '' && !SETTINGS.lang.check(v.trim());

/** `--lang X` as typed, when it names a language ycp speaks; a bad value is commander's and the config's to report. */
export function langFlag(argv: readonly string[]): string | undefined {
  const v = flagValue(argv, '--lang');
  return isLangValue(v) ? v : undefined;
}

/**
 * The key of the generated help text that answers `argv` ('' for nothing, `<path…> --help` for -h and
 * --help, `help <path…>`), or undefined when commander must see it (a typo,
 * an option, an operand: usage errors and suggestions stay commander's). Besides the help request itself,
 * only `--no-color` (help is plain text) and a valid `--lang X` may appear, anywhere.
 */
export function helpKey(argv: readonly string[]): string | undefined {
  if (argv.length === 0) return '';
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-color') continue;
    if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
      if (!isLangValue(value)) return undefined;
      continue;
    }
    words.push(a);
  }
  const last = words.at(-1);
  if (last === '--help' || last === '-h') {
    const path = words.slice(0, -1);
    return path.every(isWord) ? [...path, '--help'].join(' ') : undefined;
  }
  if (words[0] === 'help' && words.every(isWord)) return words.join(' ');
  return undefined;
}

const isWord = (w: string) => /^[a-z][a-z0-9-]*$/.test(w);

/**
 * The language of help and usage text: `--lang`, else YCP_LANG, else LANG, else the profile's stored
 * `lang`, else en, normalised like every other reading of the setting. `stored` (the raw value in the
 * profile) is only asked for when neither the flag nor the environment decides, so the common case reads
 * no file.
 */
export async function helpLang(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stored: () => unknown | Promise<unknown>,
): Promise<Lang> {
  const input = { flags: { lang: langFlag(argv) }, env, profile: {} };
  const r = resolveSetting('lang', input);
  if (r.source !== 'default') return normalizeLang(r.value);
  return normalizeLang(resolveSetting('lang', { ...input, profile: { lang: await stored() } }).value);
}
