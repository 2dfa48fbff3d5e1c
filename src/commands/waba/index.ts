import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { enumOption } from '../args.js';
import { act, examples } from '../shared.js';

export function registerWaba(program: Command, ctx: Ctx): void {
  const waba = program
    .command('waba')
    .alias('wabas')
    .description('WhatsApp Business Accounts')
    .addHelpText('after', examples(['ycp waba list', 'ycp waba get 1234567890123456']));
  waba
    .command('list')
    .description('WABAs this key can see')
    .addOption(enumOption('--status <status>', 'only WABAs with this account review status', 'wabaReviewStatus'))
    .addHelpText('after', examples(['ycp waba list', 'ycp waba list --status APPROVED', 'ycp waba list --json']))
    .action(act(ctx, async (c, o) => (await import('./list.js')).wabaList(c, o)));
  waba
    .command('get')
    .argument('<wabaId>', 'the WABA ID (digits)')
    .description('One WABA, with paymentMethodAttached shown prominently')
    .addHelpText('after', examples(['ycp waba get 1234567890123456', 'ycp waba get 1234567890123456 --json']))
    .action(act(ctx, async (c, o, wabaId: string) => (await import('./get.js')).wabaGet(c, { ...o, wabaId })));
}
