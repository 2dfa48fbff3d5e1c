// Meta's reviews, simulated (docs/sandbox.md "Reviews"): a submitted or edited template is decided after
// DELAYS.templateReview, a requested display name after DELAYS.nameReview (both divided by the time
// scale). Outcomes follow documented markers, so tests and demos can ask for each one:
// - a template whose name contains `reject`, or whose body contains `[reject]`, is REJECTED (reason
//   INVALID_FORMAT); any other is APPROVED;
// - an approved UTILITY template whose name contains `promo` is moved to MARKETING a little later
//   (previousCategory UTILITY), as Meta does with promotional "utility" templates;
// - a display name containing "WhatsApp" or "Meta" is DECLINED; any other is APPROVED.
// Each decision sends its signed webhook: whatsapp.template.reviewed, whatsapp.template.category_updated,
// whatsapp.phone_number.name_updated.
import type { Template } from '../api/types.js';
import type { PhoneRecord, Review } from './types.js';
import { DELAYS, type World } from './world.js';

export const REJECT_REASON = 'INVALID_FORMAT';

export function scheduleTemplateReview(w: World, tpl: Template): void {
  w.data.reviews = w.data.reviews.filter((r) => !(r.kind === 'template' && sameTemplate(r, tpl)));
  w.data.reviews.push({ kind: 'template', wabaId: tpl.wabaId, name: tpl.name, language: tpl.language, at: w.now() + w.scaled(DELAYS.templateReview), step: 'review' });
  w.changed();
  w.wake();
}

export function scheduleNameReview(w: World, rec: PhoneRecord): void {
  w.data.reviews = w.data.reviews.filter((r) => !(r.kind === 'name' && r.phoneId === rec.number.id));
  w.data.reviews.push({ kind: 'name', phoneId: rec.number.id!, at: w.now() + w.scaled(DELAYS.nameReview) });
  w.changed();
  w.wake();
}

/** Decides every review that is due; returns when the next one is (ms since epoch). */
export function advanceReviews(w: World): number | undefined {
  const now = w.now();
  const due = w.data.reviews.filter((r) => r.at <= now).sort((a, b) => a.at - b.at);
  if (due.length) {
    w.data.reviews = w.data.reviews.filter((r) => r.at > now);
    for (const r of due) (r.kind === 'template' ? decideTemplate(w, r) : decideName(w, r));
    w.changed();
  }
  return w.data.reviews.reduce<number | undefined>((m, r) => (m === undefined ? r.at : Math.min(m, r.at)), undefined);
}

const sameTemplate = (r: { wabaId: string; name: string; language: string }, t: Template) => r.wabaId === t.wabaId && r.name === t.name && r.language === t.language;

function decideTemplate(w: World, r: Extract<Review, { kind: 'template' }>): void {
  const tpl = w.data.templates.find((t) => sameTemplate(r, t));
  if (!tpl) return; // deleted while in review
  const at = w.iso(r.at);
  if (r.step === 'recategorize') {
    tpl.previousCategory = tpl.category;
    tpl.category = 'MARKETING';
    tpl.updateTime = at;
    w.emit('whatsapp.template.category_updated', tpl);
    return;
  }
  if (tpl.status !== 'PENDING') return;
  const body = (tpl.components as { type?: string; text?: string }[] | undefined)?.find((c) => c.type === 'BODY')?.text ?? '';
  const rejected = tpl.name.includes('reject') || body.includes('[reject]');
  tpl.status = rejected ? 'REJECTED' : 'APPROVED';
  tpl.statusUpdateEvent = tpl.status;
  tpl.updateTime = at;
  if (rejected) tpl.reason = REJECT_REASON;
  else {
    delete tpl.reason;
    tpl.qualityRating = 'UNKNOWN';
  }
  w.emit('whatsapp.template.reviewed', tpl);
  if (!rejected && tpl.category === 'UTILITY' && tpl.name.includes('promo')) {
    w.data.reviews.push({ ...r, step: 'recategorize', at: r.at + w.scaled(DELAYS.templateReview) });
  }
}

function decideName(w: World, r: Extract<Review, { kind: 'name' }>): void {
  const rec = w.data.phones.find((p) => p.number.id === r.phoneId);
  const n = rec?.number;
  if (!n || n.newNameStatus !== 'PENDING_REVIEW' || typeof n.newName !== 'string') return;
  const declined = /whatsapp|meta/i.test(n.newName);
  n.requestedVerifiedName = n.newName;
  n.decision = declined ? 'REJECTED' : 'APPROVED';
  if (declined) {
    n.newNameStatus = 'DECLINED';
    n.rejectionReason = 'The display name may not contain WhatsApp or Meta';
  } else {
    n.verifiedName = n.newName;
    n.nameStatus = 'APPROVED';
    n.newNameStatus = 'NONE';
    delete n.newName;
    delete n.rejectionReason;
  }
  w.emit('whatsapp.phone_number.name_updated', n);
}
