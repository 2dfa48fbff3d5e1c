import { Command, CommanderError } from 'commander';
import type { Ctx } from './core/context.js';
import { disableColor, useLang } from './ui/io.js';
import { errorDocument, reportError } from './ui/render.js';
import { colors, labelled, loadColors } from './ui/format.js';
import { cleanCommanderMessage } from './ui/redact.js';
import { usageMessage } from './ui/usage.js';
import { YcpError } from './core/errors.js';
import { VERSION } from './version.js';
import { loadLang, t, type Lang } from './i18n/index.js';
import { registerAuth } from './commands/auth/index.js';
import { registerConfig } from './commands/config/index.js';
import { registerWaba } from './commands/waba/index.js';
import { registerPhone } from './commands/phone/index.js';
import { registerMessage } from './commands/message/index.js';
import { registerTemplate } from './commands/template/index.js';
import { registerCompletion } from './commands/completion/index.js';
import { registerSandbox } from './commands/sandbox/index.js';
import { registerSignup } from './commands/signup/index.js';
import { registerWebhook } from './commands/webhook/index.js';
import { registerOnboarding } from './commands/onboarding/index.js';
import { registerApi } from './commands/api/index.js';
import { registerBalance } from './commands/balance/index.js';
import { registerOpen } from './commands/open/index.js';
import { settingOption } from './commands/args.js';
import { flagValue, helpLang } from './help/request.js';
import { helpConfiguration, localizeTree, rootHelp } from './help/localize.js';

/**
 * Help is laid out for 80 columns whatever the terminal: the launcher prints text generated at build time
 * (src/help/generate.ts), which must be byte for byte what commander renders here.
 */
export const HELP_WIDTH = 80;

/**
 * A fresh program on every run: commander keeps parsed values on the instance. `argv` is only used to
 * keep its values out of commander's own error messages.
 *
 * `lang` is the language of everything this tree shows a person: descriptions, help sections, commander's
 * own messages. The caller decides it before parsing (`helpLang` in help/request.ts: --lang, YCP_LANG,
 * LANG, the profile) and loads its catalogs (`loadLang`); the build calls this once per language to generate
 * the help the launcher prints, so the tree must depend on nothing else (not on ctx.env, the config or the
 * terminal). English is in the command files; help/localize.ts puts the tree into `lang`.
 */
export function buildProgram(ctx: Ctx, argv: readonly string[] = [], lang: Lang = 'en'): Command {
  const program = new Command('ycp');
  program
    .description('YCloud partner CLI: from "we want to be a partner" to CONNECTED numbers and signed webhooks')
    // Set before any command is added: subcommands copy the help words, option, command and output.
    .configureHelp(helpConfiguration(lang))
    .helpOption('-h, --help', t(lang, 'cli.helpOption'))
    .helpCommand('help [command]', t(lang, 'cli.helpCommand'))
    .version(VERSION, '-v, --version', 'print the version')
    .option('--profile <name>', 'config profile to use (env: YCP_PROFILE)')
    .option('--json', 'print results as JSON on stdout')
    .option('--verbose', 'log HTTP requests to stderr (key redacted)')
    .option('--no-color', 'disable colour')
    .option('-y, --yes', 'accept defaults and confirm prompts')
    .addOption(settingOption('baseUrl'))
    .addOption(settingOption('lang'))
    .showSuggestionAfterError(true)
    .showHelpAfterError(t(lang, 'cli.seeHelp'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.io.stdout.write(s),
      writeErr: (s) => void ctx.io.stderr.write(s),
      outputError: (s, write) => write(colors(ctx.io).err.red(`${labelled(lang, 'cli.error', commanderProblem(s, lang, argv))}\n`)),
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
    })
    // Environment, Exit codes and Examples: built when help is shown, not on every run.
    .addHelpText('after', rootHelp(lang));

  const only = groupOf(program, argv);
  for (const g of only ? [only] : COMMAND_GROUPS) g.register(program, ctx);
  localizeTree(program, lang);
  return program;
}

/**
 * Every top-level command, by the function that registers it, with its names and aliases, in help order.
 * A run whose command names a group registers that group alone: building the whole tree costs a one-shot
 * command ~5 ms (issue 14), and commander parses, suggests and helps within the group the same way.
 * test/commands/cli.test.ts keeps the names equal to what each function registers.
 */
export const COMMAND_GROUPS: readonly { names: readonly string[]; register: (program: Command, ctx: Ctx) => void; wholeTree?: true }[] = [
  { names: ['login', 'logout', 'auth'], register: registerAuth },
  { names: ['config'], register: registerConfig },
  { names: ['waba', 'wabas'], register: registerWaba },
  { names: ['phone', 'phones'], register: registerPhone },
  { names: ['message', 'messages'], register: registerMessage },
  { names: ['template', 'templates'], register: registerTemplate },
  { names: ['signup'], register: registerSignup },
  { names: ['webhook', 'webhooks'], register: registerWebhook },
  { names: ['sandbox', 'demo'], register: registerSandbox },
  // It prints a script for the whole tree.
  { names: ['completion'], register: registerCompletion, wholeTree: true },
  { names: ['init', 'status', 'doctor'], register: registerOnboarding },
  { names: ['api'], register: registerApi },
  { names: ['balance'], register: registerBalance },
  { names: ['open'], register: registerOpen },
];

/**
 * The group argv runs, when its first operand (after the root's own options) names one. Anything
 * commander must judge first (an unknown option, `--`, `help`, a typo) gets the whole tree, so its
 * messages and suggestions are the usual ones.
 */
function groupOf(program: Command, argv: readonly string[]): (typeof COMMAND_GROUPS)[number] | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) return COMMAND_GROUPS.find((g) => !g.wholeTree && g.names.includes(a));
    const opt = program.options.find((o) => o.long === a.split('=')[0] || o.short === a);
    if (!opt || opt.optional) return undefined;
    if (opt.required && !a.includes('=')) i++;
  }
  return undefined;
}

/** A commander error in `lang`, the values typed for secrets masked: on stderr, and under --json in the error document. */
const commanderProblem = (raw: string, lang: Lang, argv: readonly string[]) => cleanCommanderMessage(usageMessage(raw, lang), argv);

export async function run(argv: string[], ctx: Ctx): Promise<number> {
  // The language is decided first: a usage error, a bad flag or a broken config file is said in it too.
  const lang = await helpLang(argv, ctx.env, () => storedLang(ctx, argv));
  await Promise.all([loadColors(ctx.io), loadLang(lang)]);
  useLang(ctx.io, lang);
  const program = buildProgram(ctx, argv, lang);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    // The root holds the global options wherever they were typed (commander parses them at any depth).
    const g = program.opts();
    const mode = { json: Boolean(g.json), verbose: Boolean(g.verbose) };
    if (g.color === false) disableColor(ctx.io);
    if (err instanceof CommanderError) {
      // Help and version are CommanderErrors with exit code 0; commander already printed the rest.
      if (err.exitCode === 0 || err.code === 'commander.help' || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      if (mode.json) ctx.io.stdout.write(JSON.stringify(errorDocument(new YcpError('usage', commanderProblem(err.message, lang, argv)), lang)) + '\n');
      return 2;
    }
    return reportError(ctx.io, err, mode, ctx.signal);
  }
}

/** The profile's own `lang`, read leniently: help must work with a broken config file (doctor says why). */
async function storedLang(ctx: Ctx, argv: readonly string[]): Promise<unknown> {
  try {
    const cfg = await ctx.withFlags({ profile: flagValue(argv, '--profile') }).config();
    return cfg.store.profile(cfg.profile).lang;
  } catch {
    return undefined;
  }
}
