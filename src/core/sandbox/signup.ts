// A simulated Embedded Signup: what Meta and YCloud would leave behind after a customer finishes the
// popup (CONTRACT §15–16): a new WABA visible to YCloud, a PENDING number, the `hello_world` template.
import type { Body } from './check.js';
import { bool, oneOf, str } from './check.js';
import { digits, signupCode } from './ids.js';
import { aSeedPhone, aSeedWaba, helloWorld } from './seed.js';
import type { World } from './world.js';

export interface SignupResult {
  waba_id: string;
  phone_number_id?: string;
  business_id: string;
  /** E.164 of the new number (a sandbox convenience; Meta's message has only the ID). */
  phone_number?: string;
  /** The exchangeable code FB.login would hand the page. */
  code: string;
}

export const FEATURE_TYPES = ['only_waba_sharing', 'whatsapp_business_app_onboarding', 'app_only_install'] as const;

export function simulateSignup(w: World, b: Body = {}): SignupResult {
  const businessName = str(b, 'businessName', 'businessName', { max: 200 }) ?? 'Sandbox Customer Co';
  const paid = bool(b, 'paymentMethodAttached') ?? true;
  const featureType = oneOf('featureType', str(b, 'featureType'), FEATURE_TYPES);
  const wabaId = unique(() => digits(15), (id) => w.data.wabas.some((x) => x.id === id));
  const businessId = digits(15);
  const waba = aSeedWaba({ id: wabaId, name: businessName, businessId, businessName, paymentMethodAttached: paid, accountReviewStatus: 'APPROVED' });
  w.data.wabas.push(waba);
  w.data.templates.push({ ...helloWorld(wabaId), createTime: w.iso(), updateTime: w.iso() });
  let number: { id: string; e164: string } | undefined;
  // only_waba_sharing skips the phone screens, so no number comes back (FINISH_ONLY_WABA).
  if (featureType !== 'only_waba_sharing') {
    const id = unique(() => digits(16), (x) => w.data.phones.some((p) => p.number.id === x));
    const e164 = unique(() => `+1555${digits(7)}`, (x) => w.data.phones.some((p) => p.number.phoneNumber === x));
    w.data.phones.push(aSeedPhone({ id, phoneNumber: e164, wabaId, status: 'PENDING', verifiedName: businessName, qualityRating: 'UNKNOWN' }));
    number = { id, e164 };
  }
  w.changed();
  w.emit('whatsapp.business_account.updated', waba);
  return {
    waba_id: wabaId,
    ...(number ? { phone_number_id: number.id } : {}),
    business_id: businessId,
    ...(number ? { phone_number: number.e164 } : {}),
    code: signupCode(),
  };
}

function unique(make: () => string, taken: (v: string) => boolean): string {
  for (;;) {
    const v = make();
    if (!taken(v)) return v;
  }
}
