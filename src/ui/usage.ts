// commander's usage errors in the user's language. commander writes them in English, fully formed
// ("error: unknown option '--stat'\n(Did you mean --status?)"); each form it produces (commander 14,
// lib/command.js) is matched here and said again from the catalog (`cli.*`). English comes out word for
// word as commander wrote it. A form not listed stays as commander wrote it.
import { t, type Lang, type MsgKey } from '../i18n/index.js';

type Rule = [RegExp, (m: RegExpMatchArray, lang: Lang) => string];

const q = "'([^']*)'";
const RULES: Rule[] = [
  [new RegExp(`^unknown option ${q}$`), (m, l) => t(l, 'cli.unknownOption', { flag: m[1]! })],
  [new RegExp(`^unknown command ${q}$`), (m, l) => t(l, 'cli.unknownCommand', { name: m[1]! })],
  [new RegExp(`^missing required argument ${q}$`), (m, l) => t(l, 'cli.missingArgument', { name: m[1]! })],
  [new RegExp(`^option ${q} argument missing$`), (m, l) => t(l, 'cli.optionMissingArgument', { flag: m[1]! })],
  [new RegExp(`^required option ${q} not specified$`), (m, l) => t(l, 'cli.missingMandatoryOption', { flag: m[1]! })],
  [
    /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m, l) => {
      const expected = m[2] === '1' ? t(l, 'cli.argumentCount1') : t(l, 'cli.argumentCount', { n: m[2]! });
      return m[1] === undefined ? t(l, 'cli.excessArgumentsRoot', { expected, got: m[3]! }) : t(l, 'cli.excessArguments', { command: m[1], expected, got: m[3]! });
    },
  ],
  [new RegExp(`^option ${q} argument ${q} is invalid\\. ?([\\s\\S]*)$`), (m, l) => t(l, 'cli.invalidOptionValue', { flag: m[1]!, value: m[2]!, why: why(m[3]!, l) })],
  [
    new RegExp(`^command-argument value ${q} is invalid for argument ${q}\\. ?([\\s\\S]*)$`),
    (m, l) => t(l, 'cli.invalidArgumentValue', { value: m[1]!, name: m[2]!, why: why(m[3]!, l) }),
  ],
  [/^(.+) cannot be used with (.+)$/, (m, l) => t(l, 'cli.conflictingOption', { a: m[1]!, b: m[2]! })],
];

/** commander's `.choices()` complaint (a flag built with enumOption says it from the catalog already). */
function why(text: string, lang: Lang): string {
  const choices = /^Allowed choices are (.*)\.$/.exec(text);
  return choices ? t(lang, 'cli.allowedChoices', { choices: choices[1]! }) : text;
}

const SUGGESTIONS: [RegExp, MsgKey, string][] = [
  [/^\(Did you mean one of (.*)\?\)$/, 'cli.didYouMeanOneOf', 'words'],
  [/^\(Did you mean (.*)\?\)$/, 'cli.didYouMean', 'word'],
];

/**
 * The words of a commander error (`error: …` and its "did you mean" line) without the `error:` label, in
 * `lang`. Values typed by the user are kept as typed: the caller redacts them (cleanCommanderMessage).
 */
export function usageMessage(raw: string, lang: Lang): string {
  const [head = '', ...rest] = raw.replace(/\n+$/, '').replace(/^error: /, '').split('\n');
  const rule = RULES.find(([re]) => re.test(head));
  const first = rule ? rule[1](head.match(rule[0])!, lang) : head;
  const more = rest.map((line) => {
    const s = SUGGESTIONS.find(([re]) => re.test(line));
    return s ? t(lang, s[1], { [s[2]]: line.match(s[0])![1]! }) : line;
  });
  return [first, ...more].join('\n');
}
