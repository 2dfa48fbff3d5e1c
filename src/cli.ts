import { Command, CommanderError } from 'commander';
import type { Ctx } from './core/context.js';
import { envHelp } from './core/settings.js';
import { disableColor } from './ui/io.js';
import { errorDocument, reportError } from './ui/render.js';
import { colors, loadColors } from './ui/format.js';
import { cleanCommanderMessage } from './ui/redact.js';
import { YcpError } from './core/errors.js';
import { VERSION } from './version.js';
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

const EXIT_CODES_HELP = `
Exit codes:
  0    success (a check or wait whose condition holds)
  1    YCloud API error, network failure, config file not readable/writable, internal error
  2    usage: unknown command or flag, invalid value, a prompt needed while not interactive
  3    not ready: check/wait condition not met or timed out, webhook signature invalid, no payment method
  4    authentication: no API key, or YCloud answered 401
  130  cancelled (Ctrl-C, SIGINT); cleanups have run
  143  terminated (SIGTERM); cleanups have run`;

/**
 * A fresh program on every run: commander keeps parsed values on the instance. `argv` is only used to
 * keep its values out of commander's own error messages.
 */
export function buildProgram(ctx: Ctx, argv: readonly string[] = []): Command {
  const program = new Command('ycp');
  program
    .description('YCloud partner CLI: from "we want to be a partner" to CONNECTED numbers and signed webhooks')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--profile <name>', 'config profile to use (env: YCP_PROFILE)')
    .option('--json', 'print results as JSON on stdout')
    .option('--verbose', 'log HTTP requests to stderr (key redacted)')
    .option('--no-color', 'disable colour')
    .option('-y, --yes', 'accept defaults and confirm prompts')
    .addOption(settingOption('baseUrl'))
    .addOption(settingOption('lang'))
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.io.stdout.write(s),
      writeErr: (s) => void ctx.io.stderr.write(s),
      outputError: (s, write) => write(colors(ctx.io).err.red(cleanCommanderMessage(s, argv))),
    })
    .addHelpText('after', `\nEnvironment:\n${envHelp()}\n${EXIT_CODES_HELP}\n`);

  registerAuth(program, ctx);
  registerConfig(program, ctx);
  registerWaba(program, ctx);
  registerPhone(program, ctx);
  registerMessage(program, ctx);
  registerTemplate(program, ctx);
  registerSignup(program, ctx);
  registerWebhook(program, ctx);
  registerSandbox(program, ctx);
  registerCompletion(program, ctx);
  registerOnboarding(program, ctx);
  registerApi(program, ctx);
  registerBalance(program, ctx);
  registerOpen(program, ctx);
  return program;
}

export async function run(argv: string[], ctx: Ctx): Promise<number> {
  await loadColors(ctx.io);
  const program = buildProgram(ctx, argv);
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
      if (mode.json) ctx.io.stdout.write(JSON.stringify(errorDocument(new YcpError('usage', cleanCommanderMessage(err.message.replace(/^error: /, ''), argv)))) + '\n');
      return 2;
    }
    return reportError(ctx.io, err, mode, ctx.signal);
  }
}
