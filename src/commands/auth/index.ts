import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { act, examples } from '../shared.js';

export function registerAuth(program: Command, ctx: Ctx): void {
  program
    .command('login')
    .description('Store a YCloud API key in the profile (verified with a real API call first)')
    .option('--with-key', 'read the key from stdin instead of asking')
    .addHelpText('after', examples(['ycp login', 'ycp login --with-key < key.txt', 'ycp --profile staging login']))
    .action(act(ctx, async (c, o) => (await import('./login.js')).authLogin(c, o)));
  program
    .command('logout')
    .description('Remove the stored API key of the profile')
    .addHelpText('after', examples(['ycp logout', 'ycp --profile staging logout']))
    .action(act(ctx, async (c, o) => (await import('./logout.js')).authLogout(c, o)));
  const auth = program.command('auth').description('API key status').addHelpText('after', examples(['ycp auth status', 'ycp auth status --json']));
  auth
    .command('status')
    .description('Show the key in use (masked), where it comes from, and whether YCloud accepts it')
    .addHelpText('after', examples(['ycp auth status', 'ycp --profile staging auth status --json']))
    .action(act(ctx, async (c, o) => (await import('./status.js')).authStatus(c, o)));
}
