import type { Msg, MsgKey } from '../../../i18n/index.js';
import { msg } from '../../../i18n/index.js';
import type { Wizard } from '../wizard.js';
import type { EvalInput, Evaluation, StepId, StepRecord } from '../types.js';

/** One onboarding step: what it shows and asks (`run`), and how its state is checked (`evaluate`, pure). */
export interface StepDef {
  n: number;
  id: StepId;
  title: MsgKey;
  evaluate(i: EvalInput): Evaluation;
  /** Completes the step (recording it) or throws through `w.stop()`. */
  run(w: Wizard): Promise<void>;
}

export const isDigitString = (v: string) => /^\d{1,32}$/.test(v);
export const digits = (v: string): MsgKey | true => (isDigitString(v) ? true : 'v.digits');

export function confirmedEvidence(r: StepRecord | undefined): Msg[] {
  return r?.state === 'done' && r.at ? [msg('ev.confirmed', { date: r.at.slice(0, 10) })] : [];
}

export function ticksEvidence(r: StepRecord | undefined, items: readonly string[]): Msg {
  const have = new Set(r?.ticks ?? []);
  return msg('ev.ticks', { done: items.filter((i) => have.has(i)).length, total: items.length });
}

/** A step that is only the user's word (a checklist and maybe an ID): done once recorded done. */
export function recordedState(r: StepRecord | undefined): 'done' | 'waiting' | 'todo' {
  return r?.state === 'done' ? 'done' : r?.state === 'waiting' ? 'waiting' : 'todo';
}
