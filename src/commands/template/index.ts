import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { act, examples } from '../shared.js';

export function registerTemplate(program: Command, ctx: Ctx): void {
  const template = program.command('template').alias('templates').description('Message templates');
  template.addHelpText('after', examples(['ycp template list --waba 1234567890123456', 'ycp template list --status APPROVED --json']));
  template
    .command('list')
    .description('Templates, optionally filtered')
    .option('--waba <wabaId>', 'only templates of this WABA')
    .option('--status <status>', 'e.g. APPROVED, or APPROVED,PAUSED')
    .option('--name <name>', 'template name')
    .option('--language <code>', 'language code, e.g. en_US')
    .addHelpText('after', examples(['ycp template list --waba 1234567890123456 --status APPROVED', 'ycp template list --name order_update --language en_US']))
    .action(act(ctx, async (c, o) => (await import('./list.js')).templateList(c, o)));
}
