import type { Msg, MsgKey } from '../../../i18n/index.js';
import { msg } from '../../../i18n/index.js';
import type { Wizard } from '../wizard.js';
import {
  VALUE_ITEMS,
  type EvalInput,
  type Evaluation,
  type EvidenceKind,
  type ItemEval,
  type ItemId,
  type PersonItem,
  type StepId,
  type StepRecord,
  type StepState,
} from '../types.js';

/** One onboarding step: what it shows and asks (`run`), and how its state is checked (`evaluate`, pure). */
export interface StepDef {
  n: number;
  id: StepId;
  title: MsgKey;
  evaluate(i: EvalInput): Evaluation;
  /** Completes what it can (recording it) or throws through `w.stop()`. */
  run(w: Wizard): Promise<void>;
}

export const isDigitString = (v: string) => /^\d{1,32}$/.test(v);
export const digits = (v: string): MsgKey | true => (isDigitString(v) ? true : 'v.digits');

const RANK: Record<EvidenceKind, number> = { todo: 0, attested: 1, verified: 2 };
/** The weakest kind of a list: one todo makes it todo, one attested makes it attested. */
export const weakest = (kinds: EvidenceKind[]): EvidenceKind => kinds.reduce<EvidenceKind>((a, k) => (RANK[k] < RANK[a] ? k : a), 'verified');

const day = (at: string | undefined) => (at ? at.slice(0, 10) : '');

/** Person-only items: attested (with when and how) or todo; `verifiable` when a signup can stand for them. */
export function personItems(r: StepRecord | undefined, ids: readonly PersonItem[], verifiable: boolean): ItemEval[] {
  return ids.map((id) => {
    const a = r?.attested?.[id];
    return a ? { id, kind: 'attested', at: a.at || undefined, via: a.via, verifiable } : { id, kind: 'todo', verifiable };
  });
}

/** An ID the person gave: attested by giving it (its source says where it is kept), todo while missing. */
export function valueItem(i: EvalInput, stepId: StepId, name: keyof typeof VALUE_ITEMS, evidence: MsgKey): ItemEval {
  const id = VALUE_ITEMS[name];
  const value = i.values[name];
  if (!value) return { id, kind: 'todo', verifiable: true };
  const a = i.progress.steps[stepId]?.attested?.[id];
  return { id, kind: 'attested', evidence: msg(evidence, { id: value }), at: a?.at || undefined, via: a?.via, verifiable: true };
}

/** Steps 3–5 once a real signup went through the page: every item verified by it. */
export function signupVerified(i: EvalInput, items: ItemEval[]): ItemEval[] {
  const s = i.signup;
  if (!s) return items;
  const evidence = msg('ev.signupVerified', { date: day(s.at), waba: s.wabaId });
  return items.map((it) => ({ ...it, kind: 'verified', evidence, at: s.at, via: 'signup' }));
}

/** While YCloud cannot be read: what ycp last verified live (the step's `verifiedAt`) stands, dated; never more. */
export function earlierItem(id: ItemId, verifiedAt: string): ItemEval {
  return { id, kind: 'verified', via: 'earlier', at: verifiedAt || undefined, verifiable: true };
}

/** The evidence for `earlierItem`: when ycp last verified it, and why it cannot now. */
export const verifiedEarlier = (verifiedAt: string, reason: Msg): Msg => msg('ev.verifiedEarlier', { date: day(verifiedAt), reason });

/** `--require-verified`: an attested item ycp could have verified counts as not done. */
export function effectiveKind(it: ItemEval, i: EvalInput): EvidenceKind {
  return it.kind === 'attested' && it.verifiable && i.requireVerified ? 'todo' : it.kind;
}

/**
 * The step's state and kind from its items, and its evidence: what was seen (`seen`, then each value's
 * and check's own line), the person's attestations with their latest date, the attested items that
 * `--require-verified` does not take, and the items still to confirm (as `--attest` takes them).
 */
export function settle(i: EvalInput, items: ItemEval[], o: { seen?: Msg[]; blocker?: Msg; waiting?: boolean } = {}): Evaluation {
  const kinds = items.map((it) => effectiveKind(it, i));
  const kind = items.length ? weakest(kinds) : 'verified';
  const state: StepState = kind !== 'todo' ? 'done' : o.waiting ? 'waiting' : 'todo';
  const evidence: Msg[] = [];
  const push = (m: Msg) => {
    if (!evidence.some((e) => e.key === m.key && JSON.stringify(e.params) === JSON.stringify(m.params))) evidence.push(m);
  };
  for (const m of o.seen ?? []) push(m);
  for (const it of items) if (it.evidence && (!isPerson(it) || it.via === 'signup')) push(it.evidence);
  const confirmed = items.filter((it, k) => isPerson(it) && it.kind === 'attested' && kinds[k] === 'attested');
  if (confirmed.length) {
    const date = confirmed.map((it) => day(it.at)).filter(Boolean).sort().at(-1);
    push(msg(date ? 'ev.attested' : 'ev.attestedUndated', { items: confirmed.map((it) => it.id).join(', '), date: date ?? '' }));
  }
  const unverified = items.filter((it, k) => it.kind === 'attested' && kinds[k] === 'todo');
  if (unverified.length) push(msg('ev.notVerified', { items: unverified.map((it) => it.id).join(', ') }));
  const open = items.filter((it) => isPerson(it) && it.kind === 'todo');
  if (open.length) push(msg('ev.toAttest', { items: open.map((it) => it.id).join(',') }));
  return { state, kind, items, evidence, ...(state !== 'done' && o.blocker ? { blocker: o.blocker } : {}) };
}

const NOT_PERSON = new Set<string>([...Object.values(VALUE_ITEMS), 'api-key', 'waba', 'payment-method', 'number-connected', 'webhook-endpoint']);
export const isPerson = (it: { id: string }) => !NOT_PERSON.has(it.id);
