// Phone numbers (CONTRACT §7–8). Retrieve takes the E.164 number; register takes the phone-number ID.
import { digitsParam, e164Param } from '../check.js';
import { SandboxError, notFound, pageOf, pageParams } from '../http.js';
import { route, type Route } from '../router.js';
import type { PhoneRecord } from '../types.js';
import { DELAYS, REGISTER_LIMIT, type World } from '../world.js';
import { findWaba } from './account.js';

/** Numbers that cannot be registered: a person at Meta has to act first. */
const UNREGISTRABLE = new Set(['BANNED', 'MIGRATED']);

export const phoneRoutes: Route[] = [
  route('GET', '/whatsapp/phoneNumbers', ({ w, query }) => {
    const p = pageParams(query);
    const f = query.get('filter.wabaId');
    const wabaId = f === null ? undefined : digitsParam('filter.wabaId', f);
    const all = w.data.phones.filter((x) => !wabaId || x.number.wabaId === wabaId).map((x) => x.number);
    return { body: pageOf(all, p) };
  }),
  route('GET', '/whatsapp/phoneNumbers/:wabaId/:phoneNumber', ({ w, params }) => ({ body: findPhone(w, params).number })),
  route('POST', '/whatsapp/phoneNumbers/:wabaId/:phoneNumber/register', ({ w, params }) => register(w, params.wabaId!, params.phoneNumber!)),
];

/** The number at `/:wabaId/:phoneNumber` (E.164), or 404. */
export function findPhone(w: World, params: Record<string, string>): PhoneRecord {
  const waba = findWaba(w, params.wabaId!);
  const e164 = e164Param('phoneNumber', params.phoneNumber!);
  const rec = w.data.phones.find((x) => x.number.wabaId === waba.id && x.number.phoneNumber === e164);
  if (!rec) throw notFound(`phone number ${e164} in WABA ${waba.id}`);
  return rec;
}

function register(w: World, wabaIdParam: string, idParam: string) {
  const waba = findWaba(w, wabaIdParam);
  if (idParam.startsWith('+')) {
    throw new SandboxError(400, 'PARAM_INVALID', 'register takes the phone number ID (digits), not the E.164 number', { target: 'phoneNumber' });
  }
  const id = digitsParam('phoneNumber', idParam);
  const rec = w.data.phones.find((x) => x.number.wabaId === waba.id && x.number.id === id);
  if (!rec) throw notFound(`phone number ${id} in WABA ${waba.id}`);
  if (UNREGISTRABLE.has(String(rec.number.status))) {
    throw new SandboxError(403, 'WHATSAPP_PHONE_NUMBER_UNAVAILABLE', `phone number ${id} is ${rec.number.status} and cannot be registered`);
  }
  const now = w.now();
  rec.registerAttempts = rec.registerAttempts.filter((t) => now - t < REGISTER_LIMIT.windowMs);
  if (rec.registerAttempts.length >= REGISTER_LIMIT.tries) {
    // Sandbox choice: 429 TOO_MANY_REQUESTS with Retry-After until the oldest try leaves the 72 h window.
    const retryAfterS = Math.ceil((rec.registerAttempts[0]! + REGISTER_LIMIT.windowMs - now) / 1000);
    throw new SandboxError(
      429,
      'TOO_MANY_REQUESTS',
      `registration limit reached for phone number ${id}: ${REGISTER_LIMIT.tries} attempts per 72 hours; try again in ${Math.ceil(retryAfterS / 3600)} h`,
      { target: 'phoneNumber', headers: { 'retry-after': String(retryAfterS) } },
    );
  }
  rec.registerAttempts.push(now);
  if (rec.number.status !== 'CONNECTED') {
    rec.connectAt = now + w.scaled(DELAYS.register);
    w.wake();
  }
  w.changed();
  return { body: rec.number };
}
