// Steps 8–9 of the guide: Meta App Review (a checklist the user ticks) and the go-live summary.
import { msg, type MsgKey } from '../../../i18n/index.js';
import type { EvalInput, Evaluation } from '../types.js';
import type { Wizard } from '../wizard.js';
import { confirmedEvidence, ticksEvidence, type StepDef } from './step.js';

const BEFORE: MsgKey[] = ['s8.tickSettings', 's8.tickManagement', 's8.tickMessaging', 's8.tickSubmitted'];
const AFTER: MsgKey[] = ['s8.tickApproved', 's8.tickLive'];
const ITEMS = [...BEFORE, ...AFTER];

export const appReviewStep: StepDef = {
  n: 8,
  id: 'app-review',
  title: 's8.title',
  evaluate: ({ progress }) => {
    const r = progress.steps['app-review'];
    const have = new Set(r?.ticks ?? []);
    const evidence = [ticksEvidence(r, ITEMS)];
    if (r?.state === 'done' && ITEMS.every((i) => have.has(i))) return { state: 'done', evidence };
    // Submitted but not yet approved: Meta is reviewing, nothing for the user to do but wait.
    if (BEFORE.every((i) => have.has(i))) return { state: 'waiting', evidence, blocker: msg('s8.waiting') };
    return { state: 'todo', evidence, blocker: msg('bl.review') };
  },
  async run(w: Wizard) {
    w.say('s8.body');
    w.say('s8.settings');
    w.say('ui.where', { where: w.tr('s8.where') });
    w.say('s8.perms');
    w.line(`  - ${w.tr('s8.management')}`);
    w.line(`  - ${w.tr('s8.messaging')}`);
    w.say('s8.videoRule');
    const before = await w.ticks('app-review', BEFORE);
    if (before) w.stop(8, 'todo', msg('ui.notTicked', { item: w.tr(before) }));
    const after = await w.ticks('app-review', AFTER);
    if (after) w.stop(8, 'waiting', msg('s8.waiting'));
    w.record('app-review', { state: 'done' });
  },
};

export function goLiveEvaluate(i: EvalInput, earlier: Evaluation[]): Evaluation {
  const open = earlier.map((e, k) => ({ e, n: k + 1 })).filter(({ e }) => e.state !== 'done');
  const r = i.progress.steps['go-live'];
  if (open.length) {
    return { state: 'todo', evidence: [], blocker: msg('bl.live', { steps: open.map((o) => o.n).join(', ') }) };
  }
  return { state: r?.state === 'done' ? 'done' : 'todo', evidence: [msg('ev.allReady'), ...confirmedEvidence(r)], blocker: msg('s9.confirm') };
}
