// The webhook `Event` envelope and `EventType` (CONTRACT §11). The payload of an event sits under one
// key named after its type (event-types.ts `payloadKeyOf`); the payload schemas are in the other files.
import { EVENT_TYPES } from '../../webhook/event-types.js';
import { type JsonSchema, dateTime, ref, str } from './schema.js';

export const eventSchemas = {
  /**
   * The 33 types of the pinned spec, in its order. The runtime list (EVENT_TYPES) is the one source:
   * the cross-check (test/contract/official-spec.test.ts) keeps it equal to the official enum. YCloud
   * adds types without notice, so the runtime treats `type` as open; the contract does not.
   */
  EventType: { type: 'string', enum: EVENT_TYPES },

  Event: {
    type: 'object',
    required: ['apiVersion', 'createTime', 'id', 'type'],
    properties: {
      id: { type: 'string', minLength: 6, maxLength: 128 },
      type: ref('EventType'),
      apiVersion: str,
      createTime: dateTime,
      emailDelivery: ref('EmailDelivery'),
      sms: ref('Sms'),
      smsInbound: ref('SmsInbound'),
      voice: ref('Voice'),
      whatsappBusinessAccount: ref('WhatsappBusinessAccount'),
      whatsappInboundMessage: ref('WhatsappInboundMessage'),
      whatsappMessage: ref('WhatsappMessage'),
      whatsappGroup: ref('WhatsappGroupWebhook'),
      whatsappPhoneNumber: ref('WhatsappPhoneNumber'),
      whatsappPayment: ref('WhatsappPayment'),
      whatsappTemplate: ref('WhatsappTemplate'),
      contactAttributesChanged: ref('ContactAttributesChanged'),
      contactCreated: ref('ContactCreated'),
      contactDeleted: ref('ContactDeleted'),
      contactUnsubscribeCreated: ref('ContactUnsubscribeCreated'),
      contactUnsubscribeDeleted: ref('ContactUnsubscribeDeleted'),
      whatsappUserPreference: ref('WhatsappUserPreference'),
    },
  },
} satisfies Record<string, JsonSchema>;
