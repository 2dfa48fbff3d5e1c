import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { ALL_PERSON_ITEMS } from '../../core/checklist/types.js';
import { collectArg, settingOption } from '../args.js';
import { act, examples } from '../shared.js';

/** init, status and doctor: the onboarding checklist and the environment check (CLI.md §2). */
export function registerOnboarding(program: Command, ctx: Ctx): void {
  program
    .command('init')
    .description('Onboarding checklist wizard: the nine partner steps, resumable (--lang en|zh-CN)')
    .option('--step <n>', 'jump to step N (1-9)')
    .addOption(settingOption('appId', 'your Meta app ID (step 3)'))
    .addOption(settingOption('solutionId', 'Partner Solution ID from YCloud (step 4)'))
    .addOption(settingOption('configId', 'Facebook Login for Business configuration ID (step 5)'))
    .option('--webhook-url <url>', 'production webhook URL, https (step 7)')
    .option('--page-dir <dir>', 'folder for the Embedded Signup page that steps 5-6 write and serve (default: embedded-signup)')
    .option('--api-key-stdin', 'read the YCloud API key from stdin (step 2; or set YCLOUD_API_KEY)')
    .option('--attest <items>', `confirm items only you can (--yes never does), comma-separated: ${ALL_PERSON_ITEMS.join(', ')}`, collectArg)
    .addHelpText('after', examples(['ycp init', 'ycp init --step 5', 'ycp init --lang zh-CN']))
    .action(act(ctx, async (c, o) => (await import('./init.js')).init(c, o)));
  program
    .command('status')
    .description('Onboarding progress re-checked against YCloud: each step with its evidence, and the next command')
    .option('--exit-status', 'exit 3 while any required item is to do (for CI)')
    .option('--require-verified', 'count attested items ycp could verify as not done (with --exit-status: only checked evidence passes)')
    .addHelpText('after', examples(['ycp status', 'ycp status --exit-status', 'ycp status --json']))
    .action(act(ctx, async (c, o) => (await import('./status.js')).status(c, o)));
  program
    .command('doctor')
    .description('Environment checks: Node, config file and mode, settings and sources, API, clock skew, tunnels, proxy')
    .addHelpText('after', examples(['ycp doctor', 'ycp doctor --json']))
    .action(act(ctx, async (c, o) => (await import('./doctor.js')).doctor(c, o)));
}
