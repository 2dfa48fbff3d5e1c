import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { parseAttest, runInit } from '../../core/checklist/run.js';
import type { Report } from '../../core/checklist/evaluate.js';
import type { InitOptions, WizardPorts, WizardUi } from '../../core/checklist/wizard.js';
import { durationMs } from '../../core/duration.js';
import { SERVE_DEFAULTS } from '../../core/signup/serve-defaults.js';
import { colors, mask, printable, say } from '../../ui/format.js';
import { errorDocument, render } from '../../ui/render.js';
import { runNested } from '../nested.js';
import type { GlobalOpts } from '../shared.js';

/** The wizard's options as commander hands them over: the same answers, `--step` still a string. */
export interface InitFlags extends GlobalOpts, Omit<InitOptions, 'step' | 'attest'> {
  step?: string;
  attest?: string[];
}

export async function init(ctx: Ctx, o: InitFlags): Promise<void> {
  const ui: WizardUi = {
    say: (text) => say(ctx.io, text),
    mask: (s) => mask(s),
    strong: (s) => colors(ctx.io).err.bold(s),
    ports: signupPorts(ctx),
  };
  try {
    const attest = parseAttest(o.attest, (await ctx.config()).lang);
    const { report } = await runInit(ctx, { ...o, attest, step: o.step === undefined ? undefined : Number(o.step) }, ui);
    render(ctx.io, o, report, () => '');
  } catch (err) {
    const report = (err as { report?: Report }).report;
    // --json is one document: the steps and the reason the run stopped, together.
    if (o.json && report && err instanceof YcpError && err.kind !== 'cancelled') {
      ctx.io.stdout.write(JSON.stringify({ ...report, error: errorDocument(err, ctx.io.lang).error }, null, 2) + '\n');
      err.reported = true;
    } else if (err instanceof YcpError && err.kind === 'pending' && (err.info.details as { state?: string } | undefined)?.state === 'waiting') {
      // Waiting on YCloud or Meta (a solution to be accepted, App Review, Live) is a normal state, not an
      // error: said plainly, still exit 3 so a script knows it is not done.
      say(ctx.io, `${colors(ctx.io).err.yellow('…')} ${printable(err.message)}${err.info.hint ? `\n  ${printable(err.info.hint)}` : ''}`);
      err.reported = true;
    }
    throw err;
  }
}

/**
 * Steps 5 and 6 run the signup commands' own handlers in process, on a child ctx: their output goes to
 * stderr (it is not init's result), and their cleanups have run when the port resolves.
 */
function signupPorts(ctx: Ctx): WizardPorts {
  return {
    scaffoldSignupPage: ({ out, force, ...ids }) =>
      runNested(ctx, async (c) => (await import('../signup/scaffold.js')).signupScaffold(c, { out, force }), {
        settings: { ...ctx.flags.settings, ...ids },
      }),
    serveSignup: ({ dir }) =>
      runNested(ctx, async (c) =>
        (await import('../signup/serve.js')).signupServe(c, { dir, tunnel: SERVE_DEFAULTS.tunnel, register: true, timeout: durationMs(SERVE_DEFAULTS.waitTimeout)! }),
      ),
  };
}
