// The official spec's `EventType` enum, in its order: the one list the runtime and the contract's
// `EventType` schema (src/core/api/contract/events.ts) share. The cross-check
// (test/contract/official-spec.test.ts) keeps it equal to the official spec.
// YCloud adds types without notice (CONTRACT §11): treat `type` as open everywhere else.
export const EVENT_TYPES = [
  'email.delivery.updated',
  'sms.message.updated',
  'sms.inbound.received',
  'voice.message.updated',
  'whatsapp.business_account.deleted',
  'whatsapp.business_account.reviewed',
  'whatsapp.business_account.updated',
  'whatsapp.inbound_message.received',
  'whatsapp.message.updated',
  'whatsapp.group.lifecycle_update',
  'whatsapp.group.participants_update',
  'whatsapp.group.settings_update',
  'whatsapp.group.status_update',
  'whatsapp.smb.history',
  'whatsapp.smb.message.created',
  'whatsapp.phone_number.deleted',
  'whatsapp.phone_number.name_updated',
  'whatsapp.phone_number.quality_updated',
  'whatsapp.phone_number.business_username_updated',
  'whatsapp.template.category_updated',
  'whatsapp.template.quality_updated',
  'whatsapp.template.reviewed',
  'whatsapp.call.connect',
  'whatsapp.call.terminate',
  'whatsapp.call.status.updated',
  'whatsapp.flow.status_change',
  'whatsapp.payment.updated',
  'contact.attributes_changed',
  'contact.created',
  'contact.deleted',
  'contact.unsubscribe.created',
  'contact.unsubscribe.deleted',
  'whatsapp.user.preferences',
] as const;

export type EventType = (typeof EVENT_TYPES)[number] | (string & {});

/** The partner guide (step 7): subscribe to every WhatsApp event, i.e. every `whatsapp.*` type. */
export const WHATSAPP_EVENT_TYPES: string[] = EVENT_TYPES.filter((t) => t.startsWith('whatsapp.'));

/** CONTRACT §11: the payload of an event sits under one key named after its type. */
const PAYLOAD_KEYS: Record<string, string> = {
  'email.delivery.updated': 'emailDelivery',
  'sms.message.updated': 'sms',
  'sms.inbound.received': 'smsInbound',
  'voice.message.updated': 'voice',
  'whatsapp.inbound_message.received': 'whatsappInboundMessage',
  'whatsapp.message.updated': 'whatsappMessage',
  'whatsapp.payment.updated': 'whatsappPayment',
  'whatsapp.user.preferences': 'whatsappUserPreference',
  'contact.attributes_changed': 'contactAttributesChanged',
  'contact.created': 'contactCreated',
  'contact.deleted': 'contactDeleted',
  'contact.unsubscribe.created': 'contactUnsubscribeCreated',
  'contact.unsubscribe.deleted': 'contactUnsubscribeDeleted',
};
const PAYLOAD_KEY_PREFIXES: [prefix: string, key: string][] = [
  ['whatsapp.business_account.', 'whatsappBusinessAccount'],
  ['whatsapp.phone_number.', 'whatsappPhoneNumber'],
  ['whatsapp.template.', 'whatsappTemplate'],
  ['whatsapp.group.', 'whatsappGroup'],
];

/** The payload key of a type; undefined where the spec declares none (smb, call, flow, unknown types). */
export function payloadKeyOf(type: string): string | undefined {
  return PAYLOAD_KEYS[type] ?? PAYLOAD_KEY_PREFIXES.find(([p]) => type.startsWith(p))?.[1];
}

/** An `Event` as YCloud sends it: the envelope, plus the payload under its type's key. */
export interface EventEnvelope {
  id: string;
  type: string;
  apiVersion: 'v2';
  createTime: string;
  [payloadKey: string]: unknown;
}

/** Shared by the sandbox (events from its state) and `webhook trigger` (sample events). */
export function buildEvent(type: string, o: { id: string; createTime: string }, payload?: unknown): EventEnvelope {
  const event: EventEnvelope = { id: o.id, type, apiVersion: 'v2', createTime: o.createTime };
  const key = payloadKeyOf(type);
  if (key && payload !== undefined) event[key] = payload;
  return event;
}
