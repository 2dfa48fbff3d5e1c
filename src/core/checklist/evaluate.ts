import { msg, t, tm, type Lang, type MsgKey } from '../../i18n/index.js';
import { YcpError } from '../errors.js';
import { STEPS_BEFORE_LIVE, type StepDef } from './steps/index.js';
import { goLiveEvaluate } from './steps/review.js';
import { effectiveKind } from './steps/step.js';
import type { EvalInput, Evaluation, EvidenceKind, ItemEval, ItemId, StepId, StepState } from './types.js';
import type { Wizard } from './wizard.js';

const MARK: Record<StepState, string> = { done: '✓', waiting: '…', todo: '○' };

/** A step's line in the wizard's overview: its mark, number and title, and how ycp knows when `withKind`. */
export function stepLine(w: Wizard, s: StepDef, e: Evaluation, withKind: boolean): string {
  return `  ${MARK[e.state]} ${s.n}. ${w.tr(s.title)}${withKind ? w.tr('ui.kindMark', { kind: w.tr(KIND_KEY[e.kind]) }) : ''}`;
}

export const goLiveStep: StepDef = {
  n: 9,
  id: 'go-live',
  title: 's9.title',
  evaluate: (i) => goLiveEvaluate(i, STEPS_BEFORE_LIVE.map((s) => s.evaluate(i))),
  async run(w: Wizard) {
    const evals = evaluateAll(w.evalInput());
    for (const [k, s] of STEPS_BEFORE_LIVE.entries()) {
      const e = evals[k]!;
      w.line(`${stepLine(w, s, e, true)}${w.tr('ui.colon')}${e.evidence.map((m) => tm(w.lang, m)).join(w.tr('ui.sep'))}`);
    }
    if (evals[8]!.state === 'done') return w.say('s9.body');
    // A run without a terminal went through every step it could: what is left is the person's word.
    if (w.unattested.length) {
      const items = w.unattested.join(',');
      throw new YcpError('pending', w.tr('ui.needAttest', { count: w.unattested.length, items: w.unattested.join(', ') }), {
        hint: w.tr('ui.attestHint', { items }),
        details: { step: 9, state: 'todo', attest: [...w.unattested] },
      });
    }
    w.stop(9, 'todo', evals[8]!.blocker ?? msg('s9.body'));
  },
};

export const STEPS: readonly StepDef[] = [...STEPS_BEFORE_LIVE, goLiveStep];

export function evaluateAll(i: EvalInput): Evaluation[] {
  return STEPS.map((s) => s.evaluate(i));
}

export interface ItemView {
  id: ItemId;
  kind: EvidenceKind;
  evidence?: string;
  at?: string;
  via?: ItemEval['via'];
}

export interface StepView {
  n: number;
  id: StepId;
  title: string;
  state: StepState;
  /** How ycp knows: the weakest kind of the step's items. */
  kind: EvidenceKind;
  evidence: string[];
  items: ItemView[];
  /** What is missing, when not done. */
  blocker?: string;
}

export interface Report {
  profile: string;
  lang: Lang;
  complete: boolean;
  /** Attested items that ycp could verify counted as not done (`status --require-verified`). */
  requireVerified: boolean;
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
      kind: e.kind,
      evidence: e.evidence.map((m) => tm(lang, m)),
      items: e.items.map((it) => ({
        id: it.id,
        kind: effectiveKind(it, i),
        ...(it.evidence ? { evidence: tm(lang, it.evidence) } : {}),
        ...(it.at ? { at: it.at } : {}),
        ...(it.via ? { via: it.via } : {}),
      })),
      ...(e.state !== 'done' && e.blocker ? { blocker: tm(lang, e.blocker) } : {}),
    };
  });
  const next = nextCommand(evals, profile);
  return { profile, lang, complete: next === undefined, requireVerified: Boolean(i.requireVerified), steps, ...(next ? { next } : {}) };
}

export const STATE_KEY: Record<StepState, MsgKey> = { done: 'state.done', waiting: 'state.waiting', todo: 'state.todo' };
export const KIND_KEY: Record<EvidenceKind, MsgKey> = { verified: 'kind.verified', attested: 'kind.attested', todo: 'kind.todo' };
