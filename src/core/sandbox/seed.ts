// Named starting states. IDs are fixed so docs and tests can name them; everything validates against
// the spec (E.164 as strings, no null enums: the spec's own WhatsappPhoneNumber example gets both wrong).
import type { PhoneNumber, Template, Waba } from '../api/types.js';
import type { PhoneRecord, SandboxData } from './types.js';
import { ENUMS } from '../enums.js';

/** The row of the enum table (core/enums.ts) that `ycp sandbox --seed` checks. */
export const SEED_NAMES = ENUMS.sandboxSeed;
export type SeedName = (typeof SEED_NAMES)[number];

/** IDs of the default seed, for docs and tests. */
export const SEED = {
  wabaId: '104996844321234',
  unpaidWabaId: '204996844325678',
  businessId: '2109876543210',
  connected: { id: '1234567890123456', e164: '+15550001111' },
  pending: { id: '1234567890123457', e164: '+15550002222' },
  banned: { id: '1234567890123458', e164: '+15550003333' },
  unpaidPending: { id: '2234567890123459', e164: '+15550004444' },
  /** Messages to this recipient fail (Meta 131026, undeliverable). */
  failingRecipient: '+15550000400',
  /** sendDirectly to this recipient answers 429 with Meta's pair rate limit (131056). */
  rateLimitedRecipient: '+15550000429',
} as const;

const T = '2026-01-15T09:30:00.000Z';

export function aSeedWaba(over: Partial<Waba> & { id: string }): Waba {
  return {
    name: 'Acme Bakery',
    currency: 'USD',
    messageTemplateNamespace: `ns_${over.id.slice(-8)}`,
    accountReviewStatus: 'APPROVED',
    businessId: SEED.businessId,
    businessName: 'Acme Bakery Ltd',
    businessStatus: 'APPROVED',
    businessVerificationStatus: 'verified',
    country: 'US',
    ownershipType: 'CLIENT_OWNED',
    paymentMethodAttached: true,
    timezoneId: '1',
    primaryBusinessLocation: 'US',
    whatsappBusinessManagerMessagingLimit: 'TIER_2K',
    ...over,
  };
}

export function aSeedPhone(over: Partial<PhoneNumber> & { id: string; phoneNumber: string; wabaId: string }): PhoneRecord {
  const e = over.phoneNumber;
  return {
    registerAttempts: [],
    number: {
      displayPhoneNumber: `+${e.slice(1, 2)} ${e.slice(2, 5)}-${e.slice(5, 8)}-${e.slice(8)}`,
      verifiedName: 'Acme Bakery',
      qualityRating: 'GREEN',
      messagingLimit: 'TIER_1K',
      codeVerificationStatus: 'VERIFIED',
      isOfficialBusinessAccount: false,
      nameStatus: 'APPROVED',
      status: 'PENDING',
      ...over,
    },
  };
}

/** Meta gives every new WABA the `hello_world` sample template. */
export function helloWorld(wabaId: string): Template {
  return {
    wabaId,
    name: 'hello_world',
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    qualityRating: 'GREEN',
    officialTemplateId: `9${wabaId.slice(-9)}`,
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
      { type: 'BODY', text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API.' },
      { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
    ],
    createTime: T,
    updateTime: T,
  };
}

function tpl(wabaId: string, name: string, language: string, status: string, body: string, extra: Partial<Template> = {}): Template {
  return { wabaId, name, language, category: 'UTILITY', status, components: [{ type: 'BODY', text: body }], createTime: T, updateTime: T, ...extra };
}

function base(seed: string, apiKey: string): SandboxData {
  return {
    version: 1,
    seed,
    apiKey,
    balance: { amount: 100, currency: 'USD' },
    wabas: [],
    phones: [],
    templates: [],
    messages: [],
    endpoints: [],
    unsubscribers: [],
    reviews: [],
    deliveries: [],
    config: { outOfOrderEvents: false },
  };
}

export function seedData(name: string, apiKey: string): SandboxData {
  const d = base(name, apiKey);
  if (name === 'empty') return d;
  const w = SEED.wabaId;
  const u = SEED.unpaidWabaId;
  d.wabas.push(
    aSeedWaba({ id: w }),
    aSeedWaba({
      id: u,
      name: 'Globex Travel',
      businessId: '2109876543299',
      businessName: 'Globex Travel GmbH',
      country: 'DE',
      currency: 'EUR',
      accountReviewStatus: 'PENDING',
      businessVerificationStatus: 'pending',
      paymentMethodAttached: false,
      primaryBusinessLocation: 'DE',
    }),
  );
  d.phones.push(
    aSeedPhone({ id: SEED.connected.id, phoneNumber: SEED.connected.e164, wabaId: w, status: 'CONNECTED' }),
    aSeedPhone({ id: SEED.pending.id, phoneNumber: SEED.pending.e164, wabaId: w, status: 'PENDING', qualityRating: 'UNKNOWN', messagingLimit: 'TIER_250' }),
    aSeedPhone({ id: SEED.banned.id, phoneNumber: SEED.banned.e164, wabaId: w, status: 'BANNED', qualityRating: 'RED', messagingLimit: 'TIER_250' }),
    aSeedPhone({ id: SEED.unpaidPending.id, phoneNumber: SEED.unpaidPending.e164, wabaId: u, status: 'PENDING', verifiedName: 'Globex Travel', qualityRating: 'UNKNOWN' }),
  );
  d.templates.push(
    helloWorld(w),
    tpl(w, 'order_update', 'en_US', 'APPROVED', 'Hi {{1}}, your order {{2}} is on its way.'),
    tpl(w, 'order_update', 'zh_CN', 'APPROVED', '{{1}}，您的订单 {{2}} 已发货。'),
    tpl(w, 'spring_sale', 'en', 'PENDING', 'Spring sale: 20% off everything this week.', { category: 'MARKETING' }),
    tpl(w, 'promo_blast', 'en', 'REJECTED', 'WIN A FREE PHONE!!! Click now', { category: 'MARKETING', reason: 'INVALID_FORMAT', statusUpdateEvent: 'REJECTED' }),
    tpl(w, 'old_notice', 'en', 'ARCHIVED', 'This notice is no longer used.'),
    helloWorld(u),
  );
  // Three opt-outs: `ycp api /unsubscribers --paginate` has something to page through (cursor paging).
  for (const [i, region] of ['US', 'US', 'GB'].entries()) {
    d.unsubscribers.push({ type: 'PHONE_NUMBER', customer: `+1555000${7000 + i}`, channel: 'whatsapp', regionCode: region, source: 'Whatsapp', createTime: T });
  }
  if (name === 'large') {
    // Enough rows to need several pages at the maximum limit of 100 (CONTRACT §3).
    for (let i = 0; i < 250; i++) {
      const id = `31${String(i).padStart(14, '0')}`;
      d.phones.push(aSeedPhone({ id, phoneNumber: `+1555${String(2000000 + i)}`, wabaId: w, status: i % 5 === 0 ? 'PENDING' : 'CONNECTED' }));
    }
    for (let i = 0; i < 250; i++) {
      d.unsubscribers.push({ type: 'PHONE_NUMBER', customer: `+1555300${String(i).padStart(4, '0')}`, channel: 'whatsapp', regionCode: 'US', source: 'API', createTime: T });
    }
    for (let i = 0; i < 120; i++) d.templates.push(tpl(w, `bulk_template_${i}`, 'en', i % 3 === 0 ? 'PENDING' : 'APPROVED', `Bulk body ${i}`));
  }
  return d;
}
