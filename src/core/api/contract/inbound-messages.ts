// The `whatsapp.inbound_message.received` payload (CONTRACT §9): `WhatsappInboundMessage` of the official
// spec. Here `from` is the customer and `to` is the business number.
import { type JsonSchema, arrayOf, bool, dateTime, double, int32, int64, opaque, ref, str, strEnum } from './schema.js';

const media: JsonSchema = ref('WhatsappInboundMessageMedia');

export const inboundMessageSchemas = {
  WhatsappInboundMessage: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      wamid: str,
      wabaId: str,
      from: str,
      fromUserId: str,
      fromParentUserId: str,
      customerProfile: ref('WhatsappProfile'),
      to: str,
      sendTime: dateTime,
      type: ref('WhatsappInboundMessageType'),
      text: ref('WhatsappInboundMessageText'),
      image: media,
      video: media,
      audio: media,
      document: media,
      sticker: media,
      interactive: ref('WhatsappInboundMessageInteractive'),
      location: ref('WhatsappInboundMessageLocation'),
      button: ref('WhatsappInboundMessageButton'),
      contacts: arrayOf(ref('WhatsappMessageContact')),
      reaction: ref('WhatsappMessageReaction'),
      order: ref('WhatsappInboundMessageOrder'),
      system: ref('WhatsappInboundMessageSystem'),
      /** Media errors. */
      errors: arrayOf(ref('WhatsappInboundMessageError')),
      context: ref('WhatsappInboundMessageContext'),
      referral: ref('WhatsappInboundMessageReferral'),
      /** Set for group messages. */
      groupId: str,
    },
  },

  WhatsappInboundMessageType: strEnum(
    'text', 'image', 'video', 'audio', 'document', 'sticker', 'contacts', 'location', 'interactive', 'button', 'reaction',
    'request_welcome', 'order', 'system', 'unsupported',
  ),
  WhatsappInboundMessageText: { type: 'object', properties: { body: str } },
  WhatsappInboundMessageMedia: {
    type: 'object',
    properties: {
      id: str,
      link: str,
      caption: str,
      filename: str,
      metadata: { type: 'object', additionalProperties: opaque },
      mime_type: str,
      sha256: str,
    },
  },
  WhatsappInboundMessageLocation: {
    type: 'object',
    properties: { latitude: double, longitude: double, address: str, name: str, url: str },
  },
  WhatsappInboundMessageButton: { type: 'object', properties: { payload: str, text: str } },
  WhatsappInboundMessageContext: {
    type: 'object',
    properties: {
      forwarded: bool,
      frequently_forwarded: bool,
      from: str,
      id: str,
      referred_product: { type: 'object', properties: { catalog_id: str, product_retailer_id: str } },
    },
  },
  WhatsappInboundMessageError: {
    type: 'object',
    properties: { code: str, title: str, message: str, error_data: opaque },
  },
  WhatsappInboundMessageSystem: { type: 'object', properties: { body: str, new_wa_id: str, type: str, user: str } },

  WhatsappInboundMessageInteractive: {
    type: 'object',
    properties: {
      type: strEnum('button_reply', 'list_reply', 'nfm_reply', 'call_permission_reply'),
      button_reply: { type: 'object', properties: { id: str, title: str } },
      list_reply: { type: 'object', properties: { id: str, title: str, description: str } },
      nfm_reply: { type: 'object', properties: { name: str, response_json: str, body: str } },
      call_permission_reply: {
        type: 'object',
        properties: {
          response: strEnum('accept', 'reject'),
          expiration_timestamp: int64,
          is_permanent: bool,
          response_source: strEnum('user_action', 'automatic'),
        },
      },
    },
  },

  WhatsappInboundMessageOrder: {
    type: 'object',
    properties: {
      catalog_id: str,
      product_items: arrayOf({
        type: 'object',
        properties: { product_retailer_id: str, quantity: int32, item_price: double, currency: str },
      }),
      text: str,
    },
  },

  WhatsappInboundMessageReferral: {
    type: 'object',
    properties: {
      source_url: str,
      source_type: str,
      source_id: str,
      headline: str,
      body: str,
      media_type: str,
      image_url: str,
      video_url: str,
      thumbnail_url: str,
      ctwa_clid: str,
    },
  },
} satisfies Record<string, JsonSchema>;
