import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { opts } from '../shared.js';

export function registerAuth(program: Command, ctx: Ctx): void {
  program
    .command('login')
    .description('Store a YCloud API key in the profile (verified with a real API call first)')
    .option('--with-key', 'read the key from stdin instead of asking')
    .action(async (_o, cmd: Command) => (await import('./login.js')).authLogin(ctx, opts(cmd)));
  program
    .command('logout')
    .description('Remove the stored API key of the profile')
    .action(async (_o, cmd: Command) => (await import('./logout.js')).authLogout(ctx, opts(cmd)));
  const auth = program.command('auth').description('API key status');
  auth
    .command('status')
    .description('Show the key in use (masked), where it comes from, and whether YCloud accepts it')
    .action(async (_o, cmd: Command) => (await import('./status.js')).authStatus(ctx, opts(cmd)));
}
