// Webhook endpoints (CONTRACT §5): `WebhookEndpoint*` and `EventProperty` of the official spec.
import { type JsonSchema, arrayOf, dateTime, pageOf, ref, str, strEnum } from './schema.js';

/** The fields create and update share; create also requires `url` and `enabledEvents`. */
const writable: Record<string, JsonSchema> = {
  url: { type: 'string', maxLength: 500 },
  enabledEvents: arrayOf(ref('EventType')),
  // Required iff enabledEvents has contact.attributes_changed: prose in the spec, not expressible here.
  eventProperties: arrayOf(ref('EventProperty')),
  description: { type: 'string', maxLength: 400 },
  status: ref('WebhookEndpointStatus'),
};

export const webhookEndpointSchemas = {
  WebhookEndpoint: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      url: str,
      // Spec quirk: plain strings in the response, `EventType` values in create and update.
      enabledEvents: arrayOf(str),
      eventProperties: arrayOf(ref('EventProperty')),
      description: str,
      status: ref('WebhookEndpointStatus'),
      /** The signing key, `whsec_…` (CONTRACT §12). */
      secret: str,
      createTime: dateTime,
      updateTime: dateTime,
    },
  },

  WebhookEndpointCreateRequest: { type: 'object', required: ['enabledEvents', 'url'], properties: writable },
  WebhookEndpointUpdateRequest: { type: 'object', properties: writable },
  WebhookEndpointPage: pageOf('WebhookEndpoint'),

  /** `active` receives events; `disabled` and `pending` (failing too often) receive none. */
  WebhookEndpointStatus: strEnum('active', 'disabled', 'pending'),

  EventProperty: {
    type: 'object',
    required: ['event', 'properties'],
    properties: { event: str, properties: arrayOf(str, { minItems: 1 }) },
  },
} satisfies Record<string, JsonSchema>;
