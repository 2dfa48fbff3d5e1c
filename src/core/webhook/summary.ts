// The one-line summary `listen` shows per event: the facts a partner looks for first
// (message status + wamid, phone-number status, template status). Types stay open (CONTRACT §11):
// anything unknown still gets a line naming its payload keys.
import type { WebhookEvent } from './listener.js';
import { printable } from '../printable.js';

const ENVELOPE = new Set(['id', 'type', 'apiVersion', 'createTime']);
type Obj = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
const clip = (s: string | undefined, n = 40) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One line, whatever the event holds: its fields are a sender's words, shown printable. */
export function summarizeEvent(e: WebhookEvent): string {
  return printable(summary(e));
}

function summary(e: WebhookEvent): string {
  const m = e.whatsappMessage as Obj | undefined;
  if (m) {
    return join(str(m.status), str(m.wamid) ?? str(m.id), m.to ? `to ${str(m.to)}` : undefined, str(m.errorCode) && `error ${str(m.errorCode)}: ${clip(str(m.errorMessage), 60) ?? ''}`.trim());
  }
  const ib = e.whatsappInboundMessage as Obj | undefined;
  if (ib) {
    const text = (ib.text as Obj | undefined)?.body;
    return join(str(ib.type), str(ib.wamid) ?? str(ib.id), ib.from ? `from ${str(ib.from)}` : undefined, typeof text === 'string' ? JSON.stringify(clip(text)) : undefined);
  }
  const p = e.whatsappPhoneNumber as Obj | undefined;
  if (p) {
    return join(str(p.phoneNumber) ?? str(p.id), p.status ? `status ${str(p.status)}` : undefined, p.qualityRating ? `quality ${str(p.qualityRating)}` : undefined, str(p.nameStatus) && `name ${str(p.nameStatus)}`);
  }
  const t = e.whatsappTemplate as Obj | undefined;
  if (t) {
    return join(`${str(t.name) ?? '?'}/${str(t.language) ?? '?'}`, t.status ? `status ${str(t.status)}` : undefined, str(t.category), t.reason ? `reason ${clip(str(t.reason), 60)}` : undefined);
  }
  const w = e.whatsappBusinessAccount as Obj | undefined;
  if (w) {
    return join(`WABA ${str(w.id) ?? '?'}`, str(w.accountReviewStatus) && `review ${str(w.accountReviewStatus)}`, str(w.updateEvent), w.paymentMethodAttached === false ? 'NO payment method' : undefined);
  }
  const keys = Object.keys(e).filter((k) => !ENVELOPE.has(k));
  return keys.length ? `payload: ${keys.join(', ')}` : '(no payload)';
}
