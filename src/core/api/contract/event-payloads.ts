// The payloads of the non-WhatsApp-resource events `webhook trigger` samples and the sandbox may emit
// (CONTRACT §11): email, SMS, voice, payments, contacts, user preferences. The WABA, phone number,
// message, inbound message, template and group payloads are the resource schemas of the other files.
import { type JsonSchema, arrayOf, bool, dateTime, double, int32, int64, opaque, ref, str, strEnum } from './schema.js';

const providerId: JsonSchema = { type: 'string', minLength: 6, maxLength: 128 };
const deliveryStatus = strEnum('accepted', 'failed', 'sent', 'delivered', 'undelivered');

/** Sms and Voice share everything but their content field. */
const outbound = (content: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  required: ['id', 'to'],
  properties: {
    id: providerId,
    to: str,
    ...content,
    regionCode: str,
    totalSegments: { ...int32, minimum: 1 },
    totalPrice: double,
    currency: str,
    status: deliveryStatus,
    errorCode: str,
    createTime: dateTime,
    updateTime: dateTime,
    externalId: str,
    callbackUrl: str,
    bizType: str,
    verificationId: str,
  },
});

export const eventPayloadSchemas = {
  EmailDelivery: {
    type: 'object',
    required: ['emailId', 'recipientAddress'],
    properties: {
      emailId: providerId,
      recipientAddress: str,
      status: strEnum('sending', 'failed', 'sent', 'delivered', 'undelivered'),
      errorCode: str,
      errorMessage: str,
      externalId: str,
      bizType: str,
      verificationId: str,
    },
  },
  Sms: outbound({ text: str, senderId: str }),
  SmsInbound: { type: 'object', properties: { id: str, from: str, to: str, text: str, sendTime: dateTime } },
  Voice: outbound({ verificationCode: str, language: str }),

  WhatsappPayment: {
    type: 'object',
    required: ['referenceId', 'status', 'wabaId'],
    properties: {
      wabaId: str,
      referenceId: str,
      status: strEnum('captured', 'pending'),
      transactions: arrayOf(ref('WhatsappPaymentTransaction')),
    },
  },
  WhatsappPaymentTransaction: {
    type: 'object',
    required: ['amount', 'createdTimestamp', 'currency', 'id', 'status', 'type', 'updatedTimestamp'],
    properties: {
      id: str,
      type: strEnum('billdesk', 'razorpay', 'payu', 'zaakpay'),
      status: strEnum('pending', 'success', 'failed'),
      createdTimestamp: int64,
      updatedTimestamp: int64,
      amount: ref('WhatsappMessageOrderAmount'),
      currency: str,
      methodType: str,
      error: { type: 'object', required: ['code', 'reason'], properties: { code: str, reason: str } },
    },
  },
  /** `value / offset` is the amount, e.g. 12345 with offset 100 = 123.45. */
  WhatsappMessageOrderAmount: {
    type: 'object',
    required: ['offset', 'value'],
    properties: {
      offset: int32,
      value: int32,
      description: { type: 'string', maxLength: 60 },
      discount_program_name: { type: 'string', maxLength: 60 },
    },
  },

  ContactAttributesChanged: {
    type: 'object',
    required: ['changedAttributes', 'id', 'updateTime'],
    properties: {
      id: str,
      updateTime: dateTime,
      changedAttributes: { type: 'object', additionalProperties: ref('ContactAttributeChange') },
    },
  },
  ContactAttributeChange: {
    type: 'object',
    // Old and new values are of any JSON type: the attribute's own.
    properties: { oldValue: {}, newValue: {}, extra: arrayOf(ref('AttributeChangeAction')) },
  },
  AttributeChangeAction: {
    type: 'object',
    required: ['action'],
    properties: { action: strEnum('ADDED', 'REMOVED', 'CHANGED'), id: str, value: str },
  },

  ContactCreated: {
    type: 'object',
    required: ['id'],
    properties: {
      id: str,
      nickName: str,
      realName: str,
      phoneNumber: str,
      countryCode: str,
      countryName: str,
      email: str,
      sourceType: str,
      sourceId: str,
      sourceUrl: str,
      lastSeen: dateTime,
      lastConnectedNumber: str,
      ownerEmail: str,
      tags: arrayOf(str),
      createTime: dateTime,
      updateTime: dateTime,
      blocked: bool,
      customAttributes: { type: 'object', additionalProperties: opaque },
    },
  },
  ContactDeleted: {
    type: 'object',
    required: ['id'],
    properties: { id: str, nickName: str, phoneNumber: str, updateTime: dateTime },
  },

  // Spec quirk: both unsubscribe payloads require `id` without declaring it. We keep the `required` list
  // as the spec has it (ajv allows an undeclared required property) and samples send a contact id.
  ContactUnsubscribeCreated: {
    type: 'object',
    required: ['id'],
    properties: { phoneNumber: str, source: strEnum('Whatsapp', 'Inbox', 'Chatbot', 'API', 'Manual'), updateTime: dateTime },
  },
  ContactUnsubscribeDeleted: {
    type: 'object',
    required: ['id'],
    properties: { phoneNumber: str, source: strEnum('Whatsapp', 'API', 'Manual'), updateTime: dateTime },
  },

  // Spec quirk: the spec gives this schema properties but no `type: object`; we state the type (ajv's
  // strict mode asks for it, and properties only make sense on an object).
  WhatsappUserPreference: {
    type: 'object',
    properties: {
      wabaId: str,
      businessPhoneNumber: str,
      businessPhoneId: str,
      contactName: str,
      contactPhoneNumber: str,
      detail: str,
      /** e.g. marketing_messages; value stop | resume (prose only). */
      category: str,
      value: str,
      timestamp: str,
    },
  },
} satisfies Record<string, JsonSchema>;
