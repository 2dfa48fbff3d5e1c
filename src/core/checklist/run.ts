import type { Ctx, ResolvedConfig } from '../context.js';
import { YcpError } from '../errors.js';
import { t } from '../../i18n/index.js';
import { loadProgress } from './progress.js';
import { buildReport, evaluateAll, STEPS, type Report } from './evaluate.js';
import { Wizard, type InitOptions, type WizardUi } from './wizard.js';
import type { Values } from './types.js';

export function valuesFrom(cfg: ResolvedConfig): Values {
  return {
    apiKey: cfg.settings.apiKey,
    appId: cfg.get('appId'),
    configId: cfg.get('configId'),
    solutionId: cfg.get('solutionId'),
    baseUrl: cfg.get('baseUrl')!,
  };
}

const MARK = { done: '✓', waiting: '…', todo: '○' } as const;

/**
 * The onboarding wizard: re-runs the automatic checks, shows the nine steps ticked or not, and walks
 * from the first unfinished one (or `--step N`). Each step saves itself when it completes, so Ctrl-C
 * (a cancelled prompt, exit 130) keeps every answer given so far.
 */
export async function runInit(ctx: Ctx, o: InitOptions, ui: WizardUi): Promise<{ report: Report; wizard: Wizard }> {
  const cfg = await ctx.config();
  const lang = cfg.lang;
  if (o.step !== undefined && !(Number.isInteger(o.step) && o.step >= 1 && o.step <= 9)) {
    throw new YcpError('usage', t(lang, 'ui.badStep', { value: String(o.step) }));
  }
  const w = new Wizard(ctx, cfg, o, ui, valuesFrom(cfg), loadProgress(cfg.store.profile(cfg.profile)));
  // A setting flag (already checked by its SETTINGS row) is an explicit answer: saved now.
  for (const name of ['appId', 'configId', 'solutionId'] as const) {
    const r = cfg.settings[name];
    if (r.source === 'flag' && r.value !== undefined) w.saveSetting(name, r.value);
  }
  await w.refresh();
  const evals = evaluateAll(w.evalInput());
  w.line(w.ui.strong(w.tr('ui.header', { profile: w.profile })));
  for (const [k, s] of STEPS.entries()) w.line(`  ${MARK[evals[k]!.state]} ${s.n}. ${w.tr(s.title)}`);
  const first = evals.findIndex((e) => e.state !== 'done') + 1;
  const start = o.step ?? first;
  if (start === 0) {
    w.say('ui.allDone');
    return { report: buildReport(w.lang, w.profile, w.evalInput()), wizard: w };
  }
  if (o.step === undefined && start > 1) w.say('ui.resume', { n: start, title: w.tr(STEPS[start - 1]!.title) });
  try {
    for (let n = start; n <= STEPS.length; n++) {
      const step = STEPS[n - 1]!;
      // Re-evaluated before each step: an earlier step may have changed what YCloud shows.
      if (step.evaluate(w.evalInput()).state === 'done' && n !== o.step) {
        w.say('ui.skipDone', { n, title: w.tr(step.title) });
        continue;
      }
      w.line('');
      w.line(w.ui.strong(w.tr('ui.heading', { n, title: w.tr(step.title) })));
      await step.run(w);
      w.say('ui.saved', { n });
    }
  } catch (err) {
    if (err instanceof YcpError && err.kind === 'cancelled') w.say('ui.cancelled');
    throw Object.assign(err as object, { report: buildReport(w.lang, w.profile, w.evalInput()) });
  }
  w.say('ui.allDone');
  return { report: buildReport(w.lang, w.profile, w.evalInput()), wizard: w };
}
