// A number's business profile and display name (CONTRACT §7), by E.164. The profile answer carries the
// name fields of the number; a new display name goes to review (reviews.ts) and shows as `newName` with
// `newNameStatus: PENDING_REVIEW` until it is decided.
import type { PhoneProfile } from '../../api/types.js';
import { requireBody } from '../check.js';
import { checkContractBody } from '../contract-check.js';
import { invalid } from '../http.js';
import { scheduleNameReview } from '../reviews.js';
import { route, type Route } from '../router.js';
import type { PhoneRecord } from '../types.js';
import { findPhone } from './phones.js';

const FIELDS = ['about', 'address', 'description', 'email', 'websites', 'vertical', 'profilePictureUrl'] as const;

export const profileRoutes: Route[] = [
  route('GET', '/whatsapp/phoneNumbers/:wabaId/:phoneNumber/profile', ({ w, params }) => ({ body: profileOf(findPhone(w, params)) })),
  route('PATCH', '/whatsapp/phoneNumbers/:wabaId/:phoneNumber/profile', async ({ w, params, body }) => {
    const rec = findPhone(w, params);
    const b = requireBody(await body());
    checkContractBody('WhatsappPhoneNumberProfileUpdateRequest', b);
    (b.websites as string[] | undefined)?.forEach((u, i) => {
      if (!/^https?:\/\/\S+$/i.test(u)) throw invalid(`websites[${i}]`, `websites[${i}] must start with http:// or https://`);
    });
    rec.profile = { ...rec.profile };
    for (const f of FIELDS) if (b[f] !== undefined) (rec.profile as Record<string, unknown>)[f] = structuredClone(b[f]);
    w.changed();
    return { body: profileOf(rec) };
  }),
  route('PATCH', '/whatsapp/phoneNumbers/:wabaId/:phoneNumber/displayName', async ({ w, params, body }) => {
    const rec = findPhone(w, params);
    const b = requireBody(await body());
    checkContractBody('WhatsappPhoneNameUpdateRequest', b);
    if (typeof b.newName !== 'string') throw invalid('newName', 'newName is required');
    rec.number.newName = b.newName;
    rec.number.newNameStatus = 'PENDING_REVIEW';
    scheduleNameReview(w, rec);
    const n = rec.number;
    return { body: { verifiedName: n.verifiedName, nameStatus: n.nameStatus, newName: n.newName, newNameStatus: n.newNameStatus } };
  }),
];

function profileOf(rec: PhoneRecord): PhoneProfile {
  const n = rec.number;
  const defaults = { about: 'Hello! We use WhatsApp for orders and support.', vertical: 'OTHER' };
  return {
    ...defaults,
    ...rec.profile,
    ...(n.verifiedName !== undefined ? { verifiedName: n.verifiedName } : {}),
    ...(n.nameStatus !== undefined ? { nameStatus: n.nameStatus as string } : {}),
    ...(typeof n.newName === 'string' ? { newName: n.newName } : {}),
    ...(n.newNameStatus !== undefined ? { newNameStatus: n.newNameStatus as string } : {}),
  };
}
