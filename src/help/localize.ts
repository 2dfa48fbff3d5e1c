// The command tree in the user's language (issue 14). English stays in the command files; buildProgram
// calls these with its `lang`:
// - helpConfiguration: commander's own words (Usage:, Options:, Global Options:, "(default: …)", …),
//   and the global flags shown in every command's help;
// - localizeTree: the Chinese description of each command, argument and option (src/i18n/help/zh-CN.ts,
//   keyed by command path), and the words of a flag parser's complaint;
// - rootHelp: the root's Examples, Environment and Exit codes.
// The generated help (src/help/generate.ts) is this, rendered once per language at build time.
import { InvalidArgumentError, type Argument, type Command, type Help, type Option } from 'commander';
import { FLAG_SETTINGS, SETTING_NAMES, SETTINGS, type Setting, type SettingName } from '../core/settings.js';
import { help, t, tm, type Lang, type MsgKey } from '../i18n/index.js';
import { ArgProblem, envList, settingNote } from '../commands/args.js';
import { displayWidth, padEnd } from '../ui/format.js';
import { examples } from '../commands/shared.js';

const TITLES: Record<string, MsgKey> = {
  'Usage:': 'cli.usage',
  'Options:': 'cli.options',
  'Global Options:': 'cli.globalOptions',
  'Commands:': 'cli.commands',
  'Arguments:': 'cli.arguments',
  'Examples:': 'cli.examples',
  'Environment:': 'cli.environment',
  'Exit codes:': 'cli.exitCodes',
};

/** What a flag's or argument's description says after it: its choices, default, preset (commander's rules). */
function extras(lang: Lang, o: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string; presetArg?: unknown; envVar?: string }, showDefault: boolean, optional = false): string[] {
  const out: string[] = [];
  if (o.argChoices) out.push(t(lang, 'cli.choices', { choices: o.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
  if (o.defaultValue !== undefined && showDefault) out.push(t(lang, 'cli.default', { value: o.defaultValueDescription || JSON.stringify(o.defaultValue) }));
  if (o.presetArg !== undefined && optional) out.push(t(lang, 'cli.preset', { value: JSON.stringify(o.presetArg) }));
  if (o.envVar !== undefined) out.push(t(lang, 'cli.envVar', { name: o.envVar }));
  return out;
}

const withExtras = (lang: Lang, description: string, items: string[]) =>
  items.length ? `${description}${t(lang, 'cli.extra', { items: items.join(t(lang, 'cli.extraSep')) })}`.trim() : description;

/**
 * Chinese has no spaces to break a line at: a line may break before any Han character, but an opening
 * bracket stays with what follows and closing punctuation with what precedes. A run of Latin letters,
 * digits and ASCII punctuation (a flag, a URL, a code) stays whole.
 */
const H = '\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef';
const CHUNK = new RegExp(`\\s*[（「《“]*(?:[${H}]|[^\\s${H}]+)[，。、；：）」》”！？]*`, 'g');

function cjkWrap(this: Help, str: string, width: number): string {
  if (width < this.minWidthToWrap) return str;
  return str
    .split(/\r\n|\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const chunk of line.match(CHUNK) ?? []) {
        if (current && displayWidth(current + chunk) > width) {
          lines.push(current);
          current = chunk.trimStart();
        } else current += chunk;
      }
      return [...lines, current].join('\n');
    })
    .join('\n');
}

/** commander's Help configuration for `lang`: its headings and notes, and the global flags on every command. */
export function helpConfiguration(lang: Lang): Partial<Help> {
  // Han characters take two columns: commander's own measure (string length) would overflow 80.
  const wide = lang === 'en' ? {} : { displayWidth: (s: string) => displayWidth(s.replace(/\x1b\[[0-9;]*m/g, '')), boxWrap: cjkWrap };
  return {
    ...wide,
    showGlobalOptions: true,
    styleTitle: (title: string) => (TITLES[title] ? t(lang, TITLES[title]!) : title),
    optionDescription: (o: Option) =>
      withExtras(lang, o.description, extras(lang, o, o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean'), o.optional)),
    argumentDescription: (a: Argument) => withExtras(lang, a.description, extras(lang, a, true)),
  };
}

/**
 * Puts the tree into `lang`: descriptions from the help catalog (when the language has one; English is
 * already in place), and every flag parser's problem (an ArgProblem) in `lang`, so commander's usage error
 * carries it. A missing entry stays English: test/i18n/help.test.ts walks the tree for those.
 */
export function localizeTree(program: Command, lang: Lang): void {
  // English is the tree as written (no help catalog; an ArgProblem's message is English already): every
  // run pays for this walk, so English skips it.
  if (lang === 'en') return;
  const catalog = help(lang);
  const walk = (cmd: Command, path: string[]) => {
    const here = path.length ? path.join(' ') : 'ycp';
    const say = (key: string) => catalog?.commands[key];
    const d = say(here);
    if (d) cmd.description(d);
    for (const o of cmd.options) {
      speakProblems(o, lang);
      const own = say(`${here} ${o.long ?? o.short}`)?.replace('{list}', () => o.description.slice(o.description.lastIndexOf(': ') + 2));
      const name = settingOf(o);
      const text = own ?? (name && catalog?.settings[name]);
      if (text) o.description = name ? `${text}${settingNote(name, lang)}` : text;
    }
    for (const a of cmd.registeredArguments) {
      speakProblems(a, lang);
      const own = say(`${here} <${a.name()}>`);
      if (own) a.description = own;
    }
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
}

/** The setting a flag sets (`--app-id` → appId), when it is one (settingOption in commands/args.ts). */
export function settingOf(o: Option): SettingName | undefined {
  const name = o.attributeName() as SettingName;
  return FLAG_SETTINGS.includes(name) && (SETTINGS[name] as Setting).flag === o.long ? name : undefined;
}

function speakProblems(target: Option | Argument, lang: Lang): void {
  const parse = target.parseArg;
  if (!parse) return;
  target.parseArg = <T>(value: string, previous: T): T => {
    try {
      return parse(value, previous) as T;
    } catch (err) {
      if (err instanceof ArgProblem && lang !== 'en') throw new InvalidArgumentError(tm(lang, err.msg));
      throw err;
    }
  };
}

/** The lines under "Environment:", generated from SETTINGS so they cannot drift. */
export function environmentHelp(lang: Lang): string {
  const catalog = help(lang);
  const rows = SETTING_NAMES.map((n) => {
    const s: Setting = SETTINGS[n];
    const env = envList(s, lang);
    const description = catalog?.settings[n] ?? s.description;
    return [env, s.default ? t(lang, 'cli.envDefault', { description, value: s.default }) : description];
  });
  rows.push(['YCP_PROFILE', t(lang, 'cli.envProfile')], ['YCP_CONFIG_DIR', t(lang, 'cli.envConfigDir')], ['NO_COLOR / FORCE_COLOR', t(lang, 'cli.envColor')]);
  const w = Math.max(...rows.map((r) => displayWidth(r[0]!)));
  return rows.map(([a, b]) => `  ${padEnd(a!, w)}  ${b}`).join('\n');
}

const EXIT_CODES: [number, MsgKey][] = [
  [0, 'cli.exit0'], [1, 'cli.exit1'], [2, 'cli.exit2'], [3, 'cli.exit3'], [4, 'cli.exit4'], [130, 'cli.exit130'], [143, 'cli.exit143'],
];

/** What the root's help says after its commands: Environment, Exit codes, then the Examples every help ends with. */
export function rootHelp(lang: Lang): (context: { command: Command }) => string {
  const tail = examples(['ycp demo', 'ycp login', 'ycp waba list', 'ycp phone wait 1234567890123456 +15550001111']);
  // Built when help is shown, not on every run.
  return (context) => {
    const codes = EXIT_CODES.map(([code, key]) => `  ${String(code).padEnd(4)} ${t(lang, key)}`).join('\n');
    return `\n${t(lang, 'cli.environment')}\n${environmentHelp(lang)}\n\n${t(lang, 'cli.exitCodes')}\n${codes}\n${tail(context)}`;
  };
}
