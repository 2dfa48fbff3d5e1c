import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { settingOption } from '../args.js';
import { act, examples } from '../shared.js';

export function registerOpen(program: Command, ctx: Ctx): void {
  program
    .command('open')
    .argument('[target]', 'the page to open (see --list)')
    .description('Open a dashboard page the onboarding sends you to, filled with your saved IDs (prints the URL when not on a terminal)')
    .option('--list', 'list every target with its URL and how sure we are of it')
    .option('--print', 'print the URL instead of opening a browser')
    .addOption(settingOption('appId'))
    .option('--business <id>', 'your Meta business portfolio ID (business-verification)')
    .addHelpText('after', examples(['ycp open --list', 'ycp open login-configurations', 'ycp open ycloud-api-keys --print', 'ycp open business-verification --business 2109876543210']))
    .action(act(ctx, async (c, o, target?: string) => (await import('./open.js')).openTarget(c, { ...o, target })));
}
