// Time-driven changes: registered numbers turning CONNECTED, and messages moving
// accepted → sent → delivered → read (or failed). Everything is computed from `now()`, so a restart
// from a state file, a fake clock or a late timer all converge on the same state.
import { wamid } from './ids.js';
import type { MessageRecord } from './types.js';
import type { World } from './world.js';
import { advanceReviews } from './reviews.js';

/** Applies every change that is due; returns the earliest still to come (ms since epoch) or undefined. */
export function advance(w: World): number | undefined {
  const now = w.now();
  let next: number | undefined;
  const later = (t: number) => (next = next === undefined ? t : Math.min(next, t));
  let changed = false;
  for (const p of w.data.phones) {
    if (p.connectAt === undefined) continue;
    if (p.connectAt > now) {
      later(p.connectAt);
      continue;
    }
    p.connectAt = undefined;
    if (p.number.status === 'BANNED' || p.number.status === 'MIGRATED') continue;
    p.number.status = 'CONNECTED';
    p.number.codeVerificationStatus = 'VERIFIED';
    changed = true;
    // Meta reports a freshly onboarded number through a quality update with event ONBOARDING.
    w.emit('whatsapp.phone_number.quality_updated', { ...p.number, qualityUpdateEvent: 'ONBOARDING' });
  }
  for (const r of w.data.messages) {
    while (r.plan.length && r.plan[0]!.at <= now) {
      applyStep(w, r);
      changed = true;
    }
    if (r.plan.length) later(r.plan[0]!.at);
  }
  // Template and display-name reviews (reviews.ts) run on the same clock.
  const review = advanceReviews(w);
  if (review !== undefined) later(review);
  if (changed) w.changed();
  return next;
}

function applyStep(w: World, r: MessageRecord): void {
  const step = r.plan.shift()!;
  const m = r.message;
  const at = w.iso(step.at);
  m.status = step.status;
  m.updateTime = at;
  if (step.status === 'sent') {
    m.sendTime = at;
    m.wamid ??= wamid();
  }
  if (step.status === 'delivered') m.deliverTime = at;
  if (step.status === 'read') m.readTime = at;
  if (step.status === 'failed') {
    m.errorCode = step.errorCode;
    m.errorMessage = step.errorMessage;
    delete m.totalPrice;
  }
  if (w.data.config.outOfOrderEvents && step.status === 'delivered' && r.plan.length) {
    // Out of order on purpose: hold `delivered` back and send it after `read` (CONTRACT §9 allows it).
    r.held = structuredClone(m);
    return;
  }
  w.emit('whatsapp.message.updated', m);
  if (r.held) {
    w.emit('whatsapp.message.updated', r.held);
    delete r.held;
  }
}
