import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';
import { act } from '../shared.js';

export function registerCompletion(program: Command, ctx: Ctx): void {
  program
    .command('completion <shell>')
    .description('Print a shell completion script: bash, zsh or fish (e.g. `ycp completion bash >> ~/.bashrc`)')
    .action(act(ctx, async (c, _o, shell: string) => (await import('./print.js')).completionPrint(c, program, { shell })));
}
