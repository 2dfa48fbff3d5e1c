import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { opts } from '../shared.js';

export function registerConfig(program: Command, ctx: Ctx): void {
  const config = program.command('config').description('Profile settings (flag > env > profile > default)');
  config
    .command('list')
    .description('Every setting with its value and where it comes from (secrets masked)')
    .action(async (_o, cmd: Command) => (await import('./list.js')).configList(ctx, opts(cmd)));
  config
    .command('get <name>')
    .description('Print one setting')
    .action(async (name: string, _o, cmd: Command) => (await import('./get.js')).configGet(ctx, { ...opts(cmd), name }));
  config
    .command('set <name> <value>')
    .description('Store a setting in the profile')
    .action(async (name: string, value: string, _o, cmd: Command) => (await import('./set.js')).configSet(ctx, { ...opts(cmd), name, value }));
  config
    .command('unset <name>')
    .description('Remove a setting from the profile')
    .action(async (name: string, _o, cmd: Command) => (await import('./unset.js')).configUnset(ctx, { ...opts(cmd), name }));
  config
    .command('path')
    .description('Print where the config file lives')
    .action(async (_o, cmd: Command) => (await import('./path.js')).configPath(ctx, opts(cmd)));
}
