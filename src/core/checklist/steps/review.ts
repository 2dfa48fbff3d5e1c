// Steps 8–9 of the guide: Meta App Review (items only the person can confirm) and the go-live summary.
import { msg } from '../../../i18n/index.js';
import { PERSON_ITEMS, type EvalInput, type Evaluation, type PersonItem } from '../types.js';
import type { Wizard } from '../wizard.js';
import { personItems, settle, weakest, type StepDef } from './step.js';

const ITEMS = PERSON_ITEMS['app-review'];
const BEFORE: readonly PersonItem[] = ['review-settings', 'review-management', 'review-messaging', 'review-submitted'];
const AFTER: readonly PersonItem[] = ['review-approved', 'app-live'];

export const appReviewStep: StepDef = {
  n: 8,
  id: 'app-review',
  title: 's8.title',
  evaluate: (i) => {
    const r = i.progress.steps['app-review'];
    // Submitted but not yet approved (or not yet Live): Meta's turn, nothing for the person to do but wait.
    const waiting = BEFORE.every((item) => r?.attested?.[item]);
    return settle(i, personItems(r, ITEMS, false), { waiting, blocker: waiting ? msg('s8.waiting') : msg('bl.review') });
  },
  async run(w: Wizard) {
    w.say('s8.body');
    w.say('s8.settings');
    w.say('ui.where', { where: w.tr('s8.where') });
    w.say('s8.perms');
    w.line(`  - ${w.tr('s8.management')}`);
    w.line(`  - ${w.tr('s8.messaging')}`);
    w.say('s8.videoRule');
    const before = await w.attest('app-review', BEFORE);
    if (before) w.stop(8, 'todo', msg('ui.notTicked', { item: w.tr(`item.${before}`) }));
    // "Not yet" to approval or Live is the normal wait for Meta, not a mistake.
    if (await w.attest('app-review', AFTER)) w.stop(8, 'waiting', msg('s8.waiting'));
  },
};

/** Go live is steps 1–8 done; its kind is the weakest of theirs (attested when any step rests on a person's word). */
export function goLiveEvaluate(i: EvalInput, earlier: Evaluation[]): Evaluation {
  const open = earlier.map((e, k) => ({ e, n: k + 1 })).filter(({ e }) => e.state !== 'done');
  if (open.length) return { state: 'todo', kind: 'todo', items: [], evidence: [], blocker: msg('bl.live', { steps: open.map((o) => o.n).join(', ') }) };
  const kind = weakest(earlier.map((e) => e.kind));
  return { state: 'done', kind, items: [], evidence: [msg(kind === 'verified' ? 'ev.allVerified' : 'ev.allReady')] };
}
