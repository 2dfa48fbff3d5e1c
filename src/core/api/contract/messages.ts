// Outbound messages (CONTRACT §9): `WhatsappMessageSendRequest`, `WhatsappMessage` and the parts ycp builds
// or reads: text, template, media, location, reaction, context, conversation. Interactive messages,
// contacts' inner fields, orders and carousel cards are `opaque` (schema.ts): objects we never build.
import { type JsonSchema, arrayOf, bool, dateTime, double, int32, int64, opaque, ref, str, strEnum } from './schema.js';

/** The typed content an outbound message carries, named after its `type`; shared by request and response. */
const content: Record<string, JsonSchema> = {
  type: ref('WhatsappMessageType'),
  template: ref('WhatsappMessageTemplate'),
  text: ref('WhatsappMessageText'),
  image: ref('WhatsappMessageMedia'),
  video: ref('WhatsappMessageMedia'),
  audio: ref('WhatsappMessageMedia'),
  document: ref('WhatsappMessageMedia'),
  sticker: ref('WhatsappMessageMedia'),
  location: ref('WhatsappMessageLocation'),
  interactive: ref('WhatsappMessageInteractive'),
  contacts: arrayOf(ref('WhatsappMessageContact')),
  reaction: ref('WhatsappMessageReaction'),
  context: ref('WhatsappMessageContext'),
};

export const messageSchemas = {
  /** POST /whatsapp/messages and /sendDirectly. Give `to` (E.164) or `recipient` (BSUID); `to` wins. */
  WhatsappMessageSendRequest: {
    type: 'object',
    required: ['from', 'type'],
    properties: {
      from: str,
      to: str,
      recipient: str,
      customerProfile: ref('WhatsappProfile'),
      ...content,
      /** Correlation only: no idempotency (CONTRACT §9). */
      externalId: str,
      // Direct send only.
      category: strEnum('utility', 'authentication'),
      ttlSeconds: { type: 'integer', minimum: 30, maximum: 43200 },
      useDirectSend: { type: 'boolean', default: false },
      // Queued send only.
      filterUnsubscribed: bool,
      filterBlocked: bool,
    },
  },

  WhatsappMessage: {
    type: 'object',
    required: ['from', 'id', 'wabaId'],
    properties: {
      id: str,
      wamid: str,
      wabaId: str,
      from: str,
      to: str,
      recipient: str,
      recipientUserId: str,
      toUserId: str,
      parentRecipientUserId: str,
      toParentUserId: str,
      customerProfile: ref('WhatsappProfile'),
      conversation: ref('WhatsappConversation'),
      ...content,
      externalId: str,
      status: ref('WhatsappMessageStatus'),
      errorCode: str,
      errorMessage: str,
      createTime: dateTime,
      updateTime: dateTime,
      sendTime: dateTime,
      deliverTime: dateTime,
      readTime: dateTime,
      /** An estimate until delivered/read. */
      totalPrice: double,
      currency: str,
      regionCode: str,
      pricingCategory: ref('WhatsappPricingCategory'),
      pricingModel: ref('WhatsappPricingModel'),
      pricingType: ref('WhatsappPricingType'),
      whatsappApiError: ref('WhatsappApiError'),
      // CONTRACT §9 lists whatsapp | verify; the spec's schema says only string.
      bizType: str,
      verificationId: str,
    },
  },

  /** accepted → sent → delivered → read, or failed; webhooks may arrive out of order. */
  WhatsappMessageStatus: strEnum('accepted', 'failed', 'sent', 'delivered', 'read'),
  WhatsappMessageType: strEnum(
    'template', 'text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'interactive', 'contacts', 'reaction',
  ),

  WhatsappMessageText: {
    type: 'object',
    required: ['body'],
    properties: { body: { type: 'string', maxLength: 4096 }, preview_url: bool },
  },

  WhatsappMessageTemplate: {
    type: 'object',
    required: ['language', 'name'],
    properties: {
      name: str,
      language: ref('WhatsappMessageTemplate_language'),
      // Needed only when the template has variables or media.
      components: arrayOf(ref('WhatsappMessageTemplateComponent')),
    },
  },
  /** `code` is `en` or `en_US`; `policy` may only be `deterministic` (prose, not an enum in the spec). */
  WhatsappMessageTemplate_language: { type: 'object', required: ['code'], properties: { code: str, policy: str } },

  WhatsappMessageTemplateComponent: {
    type: 'object',
    required: ['type'],
    properties: {
      type: strEnum('header', 'body', 'button', 'limited_time_offer', 'carousel', 'order_status'),
      sub_type: strEnum('quick_reply', 'url', 'copy_code', 'catalog', 'mpm', 'flow', 'order_details'),
      index: { ...int32, minimum: 0, maximum: 9 },
      parameters: arrayOf(ref('WhatsappMessageTemplateComponentParameter')),
      cards: arrayOf(opaque),
    },
  },

  WhatsappMessageTemplateComponentParameter: {
    type: 'object',
    properties: {
      type: strEnum(
        'text', 'image', 'gif', 'video', 'document', 'payload', 'coupon_code', 'limited_time_offer', 'action',
        'order_status', 'location', 'group_id',
      ),
      text: str,
      payload: str,
      coupon_code: str,
      image: ref('WhatsappMessageMedia'),
      gif: ref('WhatsappMessageMedia'),
      video: ref('WhatsappMessageMedia'),
      document: ref('WhatsappMessageMedia'),
      limited_time_offer: { type: 'object', properties: { expiration_time_ms: int64 } },
      action: opaque,
      order_status: opaque,
      location: ref('WhatsappMessageLocation'),
      group_id: str,
    },
  },

  /** `id` (uploaded media) or `link`. */
  WhatsappMessageMedia: { type: 'object', properties: { id: str, link: str, caption: str, filename: str } },
  WhatsappMessageLocation: {
    type: 'object',
    required: ['latitude', 'longitude'],
    properties: { latitude: double, longitude: double, name: str, address: str },
  },
  WhatsappMessageReaction: { type: 'object', required: ['message_id'], properties: { message_id: str, emoji: str } },
  WhatsappMessageContext: { type: 'object', properties: { message_id: str } },
  WhatsappProfile: { type: 'object', properties: { name: str, username: str } },

  WhatsappMessageInteractive: {
    type: 'object',
    properties: {
      type: strEnum(
        'button', 'list', 'cta_url', 'product', 'product_list', 'catalog_message', 'location_request_message',
        'order_details', 'order_status', 'voice_call', 'flow', 'carousel',
      ),
      action: opaque,
      body: opaque,
      header: opaque,
      footer: opaque,
    },
  },

  WhatsappMessageContact: {
    type: 'object',
    required: ['name'],
    properties: {
      addresses: arrayOf(opaque),
      birthday: str,
      emails: arrayOf(opaque),
      name: opaque,
      org: opaque,
      phones: arrayOf(opaque),
      urls: arrayOf(opaque),
    },
  },

  WhatsappConversation: {
    type: 'object',
    properties: {
      id: str,
      type: ref('WhatsappConversationType'),
      originType: ref('WhatsappConversationOriginType'),
      expireTime: dateTime,
    },
  },
  WhatsappConversationType: strEnum('FREE_ENTRY', 'FREE_TIER', 'REGULAR'),
  WhatsappConversationOriginType: strEnum('referral_conversion', 'authentication', 'marketing', 'utility', 'service'),
  WhatsappPricingCategory: strEnum(
    'referral_conversion', 'authentication', 'authentication_international', 'marketing', 'marketing_lite', 'utility', 'service',
  ),
  WhatsappPricingModel: strEnum('PMP', 'CBP'),
  WhatsappPricingType: strEnum('regular', 'free_customer_service', 'free_entry_point'),
} satisfies Record<string, JsonSchema>;
