import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { enumArgument } from '../args.js';
import { act, examples } from '../shared.js';

export function registerCompletion(program: Command, ctx: Ctx): void {
  program
    .command('completion')
    .addArgument(enumArgument('<shell>', 'the shell to complete for', 'shell'))
    .description('Print a shell completion script for bash, zsh or fish')
    .addHelpText(
      'after',
      examples(['ycp completion bash >> ~/.bashrc', 'ycp completion zsh > "${fpath[1]}/_ycp"', 'ycp completion fish > ~/.config/fish/completions/ycp.fish']),
    )
    .action(act(ctx, async (c, _o, shell: string) => (await import('./print.js')).completionPrint(c, program, { shell })));
}
