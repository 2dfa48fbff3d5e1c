import type { Ctx, GlobalFlags } from '../core/context.js';
import { reportError } from '../ui/render.js';

/**
 * Runs another command's handler inside this one (init running `signup serve`): on a child ctx whose
 * results go to stderr, its own cleanups awaited before this returns, and its error reported the usual
 * way. Resolves to the exit code it would have had on its own.
 */
export async function runNested(ctx: Ctx, fn: (c: Ctx) => Promise<void>, flags?: GlobalFlags): Promise<number> {
  const child = ctx.child({ flags: { ...ctx.flags, json: false, ...flags } });
  try {
    await fn(child.ctx);
    return 0;
  } catch (err) {
    return reportError(child.ctx.io, err, { json: false, verbose: ctx.flags.verbose }, ctx.signal);
  } finally {
    await child.cleanup();
  }
}
