import type { Ctx } from '../core/context.js';
import { YcpError } from '../core/errors.js';
import { runInit } from '../core/checklist/run.js';
import type { Report } from '../core/checklist/evaluate.js';
import type { InitOptions, WizardUi } from '../core/checklist/wizard.js';
import { colors, mask, say } from '../ui/format.js';
import { errorDocument, render } from '../ui/render.js';
import type { GlobalOpts } from './shared.js';

/** The wizard's options as commander hands them over: the same answers, `--step` still a string. */
export interface InitFlags extends GlobalOpts, Omit<InitOptions, 'step'> {
  step?: string;
}

export async function init(ctx: Ctx, o: InitFlags): Promise<void> {
  const ui: WizardUi = {
    say: (text) => say(ctx.io, text),
    mask: (s) => mask(s),
    strong: (s) => colors(ctx.io).err.bold(s),
    runCommand: (argv) => runNested(ctx, argv),
  };
  try {
    const { report } = await runInit(ctx, { ...o, step: o.step === undefined ? undefined : Number(o.step) }, ui);
    render(ctx.io, o, report, () => '');
  } catch (err) {
    const report = (err as { report?: Report }).report;
    // --json is one document: the steps and the reason the run stopped, together.
    if (o.json && report && err instanceof YcpError && err.kind !== 'cancelled') {
      ctx.io.stdout.write(JSON.stringify({ ...report, error: errorDocument(err).error }, null, 2) + '\n');
      Object.assign(err, { printed: true });
    }
    throw err;
  }
}

/**
 * Runs another ycp command (`signup scaffold`, `signup serve`) through the command tree, in this process.
 * Its results go to stderr (they are not init's result), its cleanups run when it ends, and its flags do
 * not leak into ours. cli.js is imported lazily: it imports this module's register function.
 */
export async function runNested(ctx: Ctx, argv: string[]): Promise<number> {
  const { run } = await import('../cli.js');
  const cleanups: (() => unknown)[] = [];
  const child: Ctx = {
    ...ctx,
    io: { ...ctx.io, stdout: ctx.io.stderr, stdoutTTY: ctx.io.stderrTTY },
    flags: { ...ctx.flags },
    defer: (fn) => void cleanups.push(fn),
  };
  const profile = ctx.flags.profile ? ['--profile', ctx.flags.profile] : [];
  try {
    return await run([...profile, ...argv], child);
  } finally {
    while (cleanups.length) {
      try {
        await cleanups.pop()!();
      } catch (err) {
        say(ctx.io, `warning: cleanup failed: ${(err as Error).message}`);
      }
    }
  }
}
