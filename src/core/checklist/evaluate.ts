import { msg, t, tm, type Lang, type MsgKey } from '../../i18n/index.js';
import { STEPS_BEFORE_LIVE, type StepDef } from './steps/index.js';
import { goLiveEvaluate } from './steps/review.js';
import type { EvalInput, Evaluation, StepId, StepState } from './types.js';
import type { Wizard } from './wizard.js';

export const goLiveStep: StepDef = {
  n: 9,
  id: 'go-live',
  title: 's9.title',
  evaluate: (i) => goLiveEvaluate(i, STEPS_BEFORE_LIVE.map((s) => s.evaluate(i))),
  async run(w: Wizard) {
    const evals = evaluateAll(w.evalInput());
    const open = evals.slice(0, 8).findIndex((e) => e.state !== 'done');
    if (open >= 0) w.stop(9, 'todo', evals[8]!.blocker ?? msg('s9.body'));
    for (const [k, s] of STEPS_BEFORE_LIVE.entries()) {
      w.line(`  ✓ ${s.n}. ${w.tr(s.title)}: ${evals[k]!.evidence.map((m) => tm(w.lang, m)).join('; ')}`);
    }
    if (!(await w.confirm('s9.confirm'))) w.stop(9, 'todo', msg('s9.confirm'));
    w.record('go-live', { state: 'done' });
    w.say('s9.body');
  },
};

export const STEPS: readonly StepDef[] = [...STEPS_BEFORE_LIVE, goLiveStep];

export function evaluateAll(i: EvalInput): Evaluation[] {
  return STEPS.map((s) => s.evaluate(i));
}

export interface StepView {
  n: number;
  id: StepId;
  title: string;
  state: StepState;
  evidence: string[];
  /** What is missing, when not done. */
  blocker?: string;
}

export interface Report {
  profile: string;
  lang: Lang;
  complete: boolean;
  steps: StepView[];
  /** The next command to run; absent when all is done. */
  next?: string;
}

export function nextCommand(evals: Evaluation[], profile: string): string | undefined {
  const k = evals.findIndex((e) => e.state !== 'done');
  if (k < 0) return undefined;
  return `ycp${profile === 'default' ? '' : ` --profile ${profile}`} init --step ${k + 1}`;
}

export function buildReport(lang: Lang, profile: string, i: EvalInput): Report {
  const evals = evaluateAll(i);
  const steps = STEPS.map((s, k): StepView => {
    const e = evals[k]!;
    return {
      n: s.n,
      id: s.id,
      title: t(lang, s.title),
      state: e.state,
      evidence: e.evidence.map((m) => tm(lang, m)),
      ...(e.state !== 'done' && e.blocker ? { blocker: tm(lang, e.blocker) } : {}),
    };
  });
  const next = nextCommand(evals, profile);
  return { profile, lang, complete: next === undefined, steps, ...(next ? { next } : {}) };
}

export const STATE_KEY: Record<StepState, MsgKey> = { done: 'state.done', waiting: 'state.waiting', todo: 'state.todo' };
