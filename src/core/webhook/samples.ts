// `webhook trigger`: one sample event per type, valid against the spec's `Event` schema
// (test/core/webhook/samples.test.ts checks every one). One builder per payload; the envelope and the key the
// payload goes under come from buildEvent, which the sandbox uses for its own events (CONTRACT §11).
// The spec has no payload schema for whatsapp.smb.*, whatsapp.call.* and whatsapp.flow.status_change,
// so their samples carry the envelope only rather than a payload we would have to invent.
import { randomBytes } from 'node:crypto';
import { buildEvent, EVENT_TYPES } from './event-types.js';
import type { WebhookEvent } from './listener.js';

const WABA = '104996844321234';
const PHONE_ID = '1234567890123456';
const BUSINESS = '+15550001111';
const CUSTOMER = '+15550002222';

/** The payload only: the key it goes under comes from its type (payloadKeyOf). */
type Builder = (type: string, at: string) => Record<string, unknown>;

const wamid = 'wamid.HBgLMTU1NTAwMDIyMjIVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';

const message: Builder = (_t, at) => ({
  id: '63f5d3c2d4e5f6a7b8c9d0e1', wamid, wabaId: WABA, from: BUSINESS, to: CUSTOMER, type: 'text',
  text: { body: 'Hello from ycp', preview_url: false }, status: 'delivered', createTime: at, updateTime: at, sendTime: at, deliverTime: at,
  bizType: 'whatsapp',
});
const inbound: Builder = (_t, at) => ({
  id: 'ibm_63f5d3c2d4e5f6a7b8c9', wamid, wabaId: WABA, from: CUSTOMER, to: BUSINESS, sendTime: at, type: 'text', text: { body: 'Hi!' }, customerProfile: { name: 'Ana' },
});
const waba: Builder = (type) => ({
  id: WABA, name: "John's Cake Shop", accountReviewStatus: 'APPROVED', paymentMethodAttached: true, currency: 'USD',
  ...(type.endsWith('.updated') ? { updateEvent: 'ACCOUNT_VIOLATION', violationType: 'SCAM' } : {}),
  ...(type.endsWith('.deleted') ? { removedReason: 'user removed the WABA', removedInitiatedBy: 'USER' } : {}),
});
const phone: Builder = (type) => ({
  id: PHONE_ID, phoneNumber: BUSINESS, displayPhoneNumber: '+1 555-000-1111', wabaId: WABA, verifiedName: "John's Cake Shop",
  status: 'CONNECTED', qualityRating: 'GREEN', nameStatus: 'APPROVED',
  ...(type.endsWith('quality_updated') ? { qualityUpdateEvent: 'UPGRADE', messagingLimit: 'TIER_10K' } : {}),
  ...(type.endsWith('business_username_updated') ? { businessUsername: 'johnscakes' } : {}),
});
const template: Builder = (type, at) => ({
  wabaId: WABA, name: 'order_update', language: 'en_US', category: 'UTILITY', status: 'APPROVED', qualityRating: 'GREEN',
  statusUpdateEvent: 'APPROVED', officialTemplateId: '1234567890', createTime: at, updateTime: at,
  ...(type.endsWith('category_updated') ? { previousCategory: 'MARKETING' } : {}),
  components: [{ type: 'BODY', text: 'Your order {{1}} is on its way' }],
});
const group: Builder = (type, at) => {
  const field = type.replace('whatsapp.group.', 'group_') as string;
  const kind: Record<string, string> = {
    group_lifecycle_update: 'group_create', group_participants_update: 'group_participants_add',
    group_settings_update: 'group_settings_update', group_status_update: 'group_suspend',
  };
  return { wabaId: WABA, displayPhoneNumber: BUSINESS, phoneNumberId: PHONE_ID, field, type: kind[field] ?? 'group_create', groupId: 'grp_0123456789', subject: 'ycp sample group', webhookTime: at };
};
const CONTACT = '1824266594102060001';
const builders: Record<string, Builder> = {
  'email.delivery.updated': () => ({ emailId: 'eml_0123456789', recipientAddress: 'tom@example.com', status: 'delivered' }),
  'sms.message.updated': (_t, at) => ({ id: 'sms_0123456789', to: CUSTOMER, text: 'Your code is 123456', status: 'delivered', createTime: at, updateTime: at }),
  'sms.inbound.received': (_t, at) => ({ id: 'smi_0123456789', from: CUSTOMER, to: BUSINESS, text: 'STOP', sendTime: at }),
  'voice.message.updated': (_t, at) => ({ id: 'vce_0123456789', to: CUSTOMER, status: 'delivered', createTime: at, updateTime: at }),
  'whatsapp.inbound_message.received': inbound,
  'whatsapp.message.updated': message,
  'whatsapp.payment.updated': () => ({ wabaId: WABA, referenceId: 'order_0001', status: 'captured' }),
  'contact.attributes_changed': (_t, at) => ({ id: CONTACT, updateTime: at, changedAttributes: { tags: { oldValue: ['customer'], newValue: ['customer', 'vip'] } } }),
  'contact.created': (_t, at) => ({ id: CONTACT, nickName: 'Ana', phoneNumber: CUSTOMER, createTime: at, updateTime: at }),
  'contact.deleted': (_t, at) => ({ id: CONTACT, nickName: 'Ana', phoneNumber: CUSTOMER, updateTime: at }),
  // The spec requires `id` here without declaring it; a contact id is what YCloud means.
  'contact.unsubscribe.created': (_t, at) => ({ id: CONTACT, phoneNumber: CUSTOMER, source: 'Whatsapp', updateTime: at }),
  'contact.unsubscribe.deleted': (_t, at) => ({ id: CONTACT, phoneNumber: CUSTOMER, source: 'API', updateTime: at }),
  'whatsapp.user.preferences': (_t, at) => ({
    wabaId: WABA, businessPhoneNumber: BUSINESS, businessPhoneId: PHONE_ID, contactName: 'Ana', contactPhoneNumber: CUSTOMER,
    detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: at,
  }),
};

function builderFor(type: string): Builder | undefined {
  if (builders[type]) return builders[type];
  if (type.startsWith('whatsapp.business_account.')) return waba;
  if (type.startsWith('whatsapp.phone_number.')) return phone;
  if (type.startsWith('whatsapp.template.')) return template;
  if (type.startsWith('whatsapp.group.')) return group;
  return undefined;
}

/** Every type `trigger` knows; any other string is still sent, as an envelope only. */
export const SAMPLE_TYPES: readonly string[] = EVENT_TYPES;

export function newEventId(): string {
  return `evt_ycp_${randomBytes(10).toString('hex')}`;
}

export function hasPayloadSample(type: string): boolean {
  return builderFor(type) !== undefined;
}

export function buildSampleEvent(type: string, o: { now: number; id?: string }): WebhookEvent {
  const createTime = new Date(o.now).toISOString();
  return buildEvent(type, { id: o.id ?? newEventId(), createTime }, builderFor(type)?.(type, createTime));
}
