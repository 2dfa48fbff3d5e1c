import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { act } from '../shared.js';

export function registerConfig(program: Command, ctx: Ctx): void {
  const config = program.command('config').description('Profile settings (flag > env > profile > default)');
  config
    .command('list')
    .description('Every setting with its value and where it comes from (secrets masked)')
    .action(act(ctx, async (c, o) => (await import('./list.js')).configList(c, o)));
  config
    .command('get <name>')
    .description('Print one setting')
    .action(act(ctx, async (c, o, name: string) => (await import('./get.js')).configGet(c, { ...o, name })));
  config
    .command('set <name> <value>')
    .description('Store a setting in the profile')
    .action(act(ctx, async (c, o, name: string, value: string) => (await import('./set.js')).configSet(c, { ...o, name, value })));
  config
    .command('unset <name>')
    .description('Remove a setting from the profile')
    .action(act(ctx, async (c, o, name: string) => (await import('./unset.js')).configUnset(c, { ...o, name })));
  config
    .command('path')
    .description('Print where the config file lives')
    .action(act(ctx, async (c, o) => (await import('./path.js')).configPath(c, o)));
}
