import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { act } from '../shared.js';

export function registerWaba(program: Command, ctx: Ctx): void {
  const waba = program.command('waba').alias('wabas').description('WhatsApp Business Accounts');
  waba
    .command('list')
    .description('WABAs this key can see')
    .option('--status <status>', 'account review status: APPROVED, PENDING, REJECTED')
    .action(act(ctx, async (c, o) => (await import('./list.js')).wabaList(c, o)));
  waba
    .command('get <wabaId>')
    .description('One WABA, with paymentMethodAttached shown prominently')
    .action(act(ctx, async (c, o, wabaId: string) => (await import('./get.js')).wabaGet(c, { ...o, wabaId })));
}
