import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { opts } from '../shared.js';

export function registerWaba(program: Command, ctx: Ctx): void {
  const waba = program.command('waba').alias('wabas').description('WhatsApp Business Accounts');
  waba
    .command('list')
    .description('WABAs this key can see')
    .option('--status <status>', 'account review status: APPROVED, PENDING, REJECTED')
    .action(async (_o, cmd: Command) => (await import('./list.js')).wabaList(ctx, opts(cmd)));
  waba
    .command('get <wabaId>')
    .description('One WABA, with paymentMethodAttached shown prominently')
    .action(async (wabaId: string, _o, cmd: Command) => (await import('./get.js')).wabaGet(ctx, { ...opts(cmd), wabaId }));
}
