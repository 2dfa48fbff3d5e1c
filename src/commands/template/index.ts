import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { act } from '../shared.js';

export function registerTemplate(program: Command, ctx: Ctx): void {
  const template = program.command('template').alias('templates').description('Message templates');
  template
    .command('list')
    .description('Templates, optionally filtered')
    .option('--waba <wabaId>', 'only templates of this WABA')
    .option('--status <status>', 'e.g. APPROVED, or APPROVED,PAUSED')
    .option('--name <name>', 'template name')
    .option('--language <code>', 'language code, e.g. en_US')
    .action(act(ctx, async (c, o) => (await import('./list.js')).templateList(c, o)));
}
