// Fixtures are builders seeded from the spec's examples, with the example's own bugs fixed
// (E.164 as a string, no null enums): see test/core/api/contract/schemas.test.ts.
import type { Message, PhoneNumber, Template, Waba, WebhookEndpoint } from '../../src/core/api/types.js';

export const WABA_ID = '104996844321234';
export const PHONE_ID = '1234567890123456';
export const E164 = '+15550001111';

export function aWaba(over: Partial<Waba> = {}): Waba {
  return {
    id: WABA_ID,
    name: "John's Cake Shop",
    accountReviewStatus: 'APPROVED',
    businessId: '2109876543210',
    businessName: 'John Cakes Ltd',
    businessVerificationStatus: 'verified',
    paymentMethodAttached: true,
    currency: 'USD',
    country: 'US',
    timezoneId: '1',
    messageTemplateNamespace: 'ab12cd34_ef56_7890_abcd_ef1234567890',
    ...over,
  };
}

export function aPhoneNumber(over: Partial<PhoneNumber> = {}): PhoneNumber {
  return {
    id: PHONE_ID,
    phoneNumber: E164,
    displayPhoneNumber: '+1 555-000-1111',
    wabaId: WABA_ID,
    verifiedName: "John's Cake Shop",
    qualityRating: 'GREEN',
    messagingLimit: 'TIER_1K',
    codeVerificationStatus: 'VERIFIED',
    nameStatus: 'APPROVED',
    status: 'CONNECTED',
    isOfficialBusinessAccount: false,
    ...over,
  };
}

export function aMessage(over: Partial<Message> = {}): Message {
  return {
    id: '63f5d3c2d4e5f6a7b8c9d0e1',
    wabaId: WABA_ID,
    from: E164,
    to: '+15550002222',
    type: 'text',
    text: { body: 'hello', preview_url: false },
    status: 'accepted',
    createTime: '2026-11-26T12:00:00.000Z',
    ...over,
  };
}

export function aTemplate(over: Partial<Template> = {}): Template {
  return {
    wabaId: WABA_ID,
    name: 'order_update',
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: 'Your order {{1}} is on its way' }],
    ...over,
  };
}

export function anEndpoint(over: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: 'wh627c1a2b3c4d5e6f7a8b9c0d',
    url: 'https://example.com/webhooks/ycloud',
    enabledEvents: ['whatsapp.message.updated'],
    description: 'test endpoint',
    status: 'active',
    secret: 'whsec_abc4147651944f02baf3be1eb45d33f1',
    createTime: '2026-11-26T12:00:00.000Z',
    updateTime: '2026-11-26T12:00:00.000Z',
    ...over,
  };
}

export function aPage<T>(items: T[], o: { page?: number; limit?: number; total?: number } = {}) {
  const limit = o.limit ?? 100;
  return { offset: ((o.page ?? 1) - 1) * limit, limit, length: items.length, ...(o.total !== undefined ? { total: o.total } : {}), items };
}

/** An error body from a server that echoes the key back, in its message and as the request id. */
export function anEchoingError(status: number, code: string, key: string) {
  return anError(status, code, `invalid api key ${key}`, { requestId: key });
}

export function anError(status: number, code: string, message = code.toLowerCase().replace(/_/g, ' '), extra: Record<string, unknown> = {}) {
  return { error: { status, code, message, requestId: 'req_1KjtKI80IKoaJNa6n6p', ...extra } };
}
