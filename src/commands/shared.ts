import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Ctx } from '../core/context.js';
import { YcpError } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';

export interface GlobalOpts {
  json?: boolean;
  verbose?: boolean;
  yes?: boolean;
  profile?: string;
}

/** The options of a command merged with the root's globals. */
export function opts<T>(cmd: Command): T & GlobalOpts {
  return cmd.optsWithGlobals() as T & GlobalOpts;
}

/** commander argument parser for durations: a bad value is exit 2 through commander. */
export function durationArg(value: string): number {
  try {
    return parseDuration(value);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof YcpError ? err.message : String(err));
  }
}

/** Collects a repeatable option into an array. */
export function collectArg(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--yes` confirms; otherwise ask on a TTY, and refuse (exit 2 naming --yes) when we cannot ask. */
export async function confirmAction(ctx: Ctx, o: GlobalOpts, message: string): Promise<void> {
  if (o.yes) return;
  const ok = await ctx.prompt.confirm({ message, flag: '--yes', default: false });
  if (!ok) throw new YcpError('cancelled', 'cancelled: nothing was changed');
}
