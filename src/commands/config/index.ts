import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { act, examples } from '../shared.js';

const NAME = 'setting name, e.g. app-id (appId works too)';

export function registerConfig(program: Command, ctx: Ctx): void {
  const config = program
    .command('config')
    .description('Profile settings (flag > env > profile > default)')
    .addHelpText('after', examples(['ycp config list', 'ycp config set app-id 1234567890', 'ycp config get base-url']));
  config
    .command('list')
    .description('Every setting with its value and where it comes from (secrets masked)')
    .addHelpText('after', examples(['ycp config list', 'ycp --profile staging config list --json']))
    .action(act(ctx, async (c, o) => (await import('./list.js')).configList(c, o)));
  config
    .command('get')
    .argument('<name>', NAME)
    .description('Print one setting')
    .addHelpText('after', examples(['ycp config get app-id', 'ycp config get timeout']))
    .action(act(ctx, async (c, o, name: string) => (await import('./get.js')).configGet(c, { ...o, name })));
  config
    .command('set')
    .argument('<name>', NAME)
    .argument('<value>', 'the value to store (checked first)')
    .description('Store a setting in the profile')
    .addHelpText('after', examples(['ycp config set app-id 1234567890', 'ycp config set lang zh-CN', 'ycp config set timeout 2m']))
    .action(act(ctx, async (c, o, name: string, value: string) => (await import('./set.js')).configSet(c, { ...o, name, value })));
  config
    .command('unset')
    .argument('<name>', NAME)
    .description('Remove a setting from the profile')
    .addHelpText('after', examples(['ycp config unset config-id', 'ycp --profile staging config unset base-url']))
    .action(act(ctx, async (c, o, name: string) => (await import('./unset.js')).configUnset(c, { ...o, name })));
  config
    .command('path')
    .description('Print where the config file lives')
    .addHelpText('after', examples(['ycp config path', 'ls -l "$(ycp config path)"']))
    .action(act(ctx, async (c, o) => (await import('./path.js')).configPath(c, o)));
}
