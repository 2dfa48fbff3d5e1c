import { Option, type Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { enumOption, portArg, scaleArg } from '../args.js';
import { act, examples } from '../shared.js';

/** The local YCloud simulator and the journey that runs on it. */
export function registerSandbox(program: Command, ctx: Ctx): void {
  program
    .command('sandbox')
    .description('Run a local, stateful YCloud simulator (API, signed webhooks, fake Facebook SDK) until Ctrl-C')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)').argParser(portArg).default(4010))
    .option('--state <file>', 'keep the sandbox state in this JSON file across restarts')
    .addOption(enumOption('--seed <name>', 'starting data', 'sandboxSeed').default('default'))
    .addOption(new Option('--time-scale <x>', 'speed up every delay (registration, message status, webhook retries)').argParser(scaleArg).default(1))
    .addHelpText('after', examples(['ycp sandbox', 'ycp sandbox --port 0 --seed empty', 'ycp sandbox --state sandbox.json --time-scale 10']))
    .action(act(ctx, async (c, o) => (await import('./start.js')).sandboxStart(c, o)));
  program
    .command('demo')
    .description('Walk the whole journey on a local sandbox: signup → register → CONNECTED → message → signed webhooks')
    .addHelpText('after', examples(['ycp demo', 'ycp demo --json']))
    .action(act(ctx, async (c, o) => (await import('./demo.js')).demoRun(c, o)));
}
