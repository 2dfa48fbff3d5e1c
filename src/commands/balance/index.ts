import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { act, examples } from '../shared.js';

export function registerBalance(program: Command, ctx: Ctx): void {
  program
    .command('balance')
    .description('The account balance and its currency; with --min, a CI gate (exit 3 below it)')
    .option('--min <amount>', 'exit 3 when the balance is below this amount (in the account\'s currency)')
    .addHelpText('after', examples(['ycp balance', 'ycp balance --min 50', 'ycp balance --json']))
    .action(act(ctx, async (c, o) => (await import('./get.js')).balanceGet(c, o)));
}
