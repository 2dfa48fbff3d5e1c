import type { Ctx, ResolvedConfig } from '../context.js';
import { YcpError } from '../errors.js';
import { t } from '../../i18n/index.js';
import { loadProgress } from './progress.js';
import { buildReport, evaluateAll, STEPS, stepLine, type Report } from './evaluate.js';
import { Wizard, type InitOptions, type WizardUi } from './wizard.js';
import { ALL_PERSON_ITEMS, PERSON_ITEMS, type PersonItem, type StepId, type Values } from './types.js';
import { isPerson } from './steps/step.js';

export function valuesFrom(cfg: ResolvedConfig): Values {
  return {
    apiKey: cfg.settings.apiKey,
    appId: cfg.get('appId'),
    configId: cfg.get('configId'),
    solutionId: cfg.get('solutionId'),
    baseUrl: cfg.get('baseUrl')!,
  };
}

/** `--attest a,b --attest c`: known person-only item ids, or exit 2 listing them. */
export function parseAttest(values: string[] | undefined, lang: string): PersonItem[] {
  const ids = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const bad = ids.filter((v) => !(ALL_PERSON_ITEMS as readonly string[]).includes(v));
  if (bad.length) throw new YcpError('usage', t(lang, 'ui.badAttest', { items: bad.join(', ') }), { hint: t(lang, 'ui.attestList', { items: ALL_PERSON_ITEMS.join(', ') }) });
  return [...new Set(ids)] as PersonItem[];
}

const stepOf = (item: PersonItem): StepId => (Object.entries(PERSON_ITEMS) as [StepId, readonly string[]][]).find(([, items]) => items.includes(item))![0];

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
    if (r.source === 'flag' && r.value !== undefined) w.saveSetting(name, r.value, 'flag');
  }
  // So is each --attest item: the person's word, recorded now with its time (never by --yes).
  for (const item of o.attest ?? []) {
    const step = stepOf(item);
    if (!w.rec(step).attested?.[item]) w.record(step, { attested: { [item]: { at: w.now(), via: 'flag' } } });
  }
  await w.refresh();
  const evals = evaluateAll(w.evalInput());
  w.line(w.ui.strong(w.tr('ui.header', { profile: w.profile })));
  for (const [k, s] of STEPS.entries()) {
    const e = evals[k]!;
    w.line(stepLine(w, s, e, e.state === 'done'));
  }
  if (w.signup) w.say('ui.signupSeen', { date: w.signup.at.slice(0, 10), waba: w.signup.wabaId });
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
      // A run without a terminal goes on past what only the person can confirm: say what is left.
      const after = step.evaluate(w.evalInput());
      const open = after.items.filter((it) => it.kind === 'todo' && isPerson(it)).map((it) => it.id);
      if (after.state === 'done') w.say('ui.saved', { n });
      else if (open.length) w.say('ui.stepOpen', { n, items: open.join(',') });
    }
  } catch (err) {
    if (err instanceof YcpError && err.kind === 'cancelled') w.say('ui.cancelled');
    throw Object.assign(err as object, { report: buildReport(w.lang, w.profile, w.evalInput()) });
  }
  w.say('ui.allDone');
  return { report: buildReport(w.lang, w.profile, w.evalInput()), wizard: w };
}
