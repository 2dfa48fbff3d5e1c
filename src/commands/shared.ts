import type { Command } from 'commander';
import type { Ctx, GlobalFlags } from '../core/context.js';
import { YcpError } from '../core/errors.js';
import { FLAG_SETTINGS, type SettingName } from '../core/settings.js';

export interface GlobalOpts {
  json?: boolean;
  verbose?: boolean;
  yes?: boolean;
  profile?: string;
}

/** The global and setting flags among a command's options merged with the root's (optsWithGlobals), as the action's ctx carries them. */
export function flagsOf(g: Record<string, unknown>): GlobalFlags {
  const settings: Partial<Record<SettingName, string>> = {};
  for (const n of FLAG_SETTINGS) if (typeof g[n] === 'string') settings[n] = g[n] as string;
  const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
  return { profile: g.profile as string | undefined, json: bool(g.json), verbose: bool(g.verbose), color: bool(g.color), yes: bool(g.yes), settings };
}

/**
 * A verb's `.action()`: builds the action's ctx once from its flags, then calls `fn` with it, the merged
 * options and the positional arguments. Handlers are imported inside `fn`, so `--help` loads none.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commander hands options over untyped; each handler declares its own
export function act<P extends any[]>(ctx: Ctx, fn: (c: Ctx, o: any, ...args: P) => Promise<void>) {
  return (...args: unknown[]): Promise<void> => {
    const o = (args.at(-1) as Command).optsWithGlobals();
    return fn(ctx.withFlags(flagsOf(o)), o, ...(args.slice(0, -2) as P));
  };
}

/** `--yes` confirms; otherwise ask on a TTY, and refuse (exit 2 naming --yes) when we cannot ask. */
export async function confirmAction(ctx: Ctx, o: GlobalOpts, message: string): Promise<void> {
  if (o.yes) return;
  const ok = await ctx.prompt.confirm({ message, flag: '--yes', default: false });
  if (!ok) throw new YcpError('cancelled', { key: 'cli.nothingChanged' });
}

/**
 * The Examples section that ends a command's `--help` (`.addHelpText('after', examples([…]))`): 2–4 real
 * command lines, no prose, so they read the same in every language. The heading is the help's own
 * ("Examples:" through the program's Help configuration, so it is translated with the rest).
 */
export function examples(lines: readonly string[]): (context: { command: Command }) => string {
  return ({ command }) => `\n${command.createHelp().styleTitle('Examples:')}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
