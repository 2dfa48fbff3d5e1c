// Message templates (CONTRACT §10): `WhatsappTemplate`, the create and edit requests and the component
// schemas of the official spec.
//
// Spec quirk: template `name` (and the `filter.name` query parameter of GET /whatsapp/templates) carry
// `pattern: [a-z0-9]{1,512}` without anchors. A JSON Schema pattern is unanchored, so it only rejects a
// name with no lowercase letter or digit at all; read as the whole name it would forbid `_`, which real
// template names use and which the spec's own `filter.name` example `sample_whatsapp_template` contains.
// We keep the pattern exactly as the spec has it (unanchored, so `order_update` passes); Meta's own rule
// is TEMPLATE_NAME_RE below.
import { type JsonSchema, arrayOf, bool, dateTime, int32, pageOf, ref, str, strEnum } from './schema.js';

/** Meta's rule for template names, stricter than the spec's pattern: ycp's local checks and the sandbox apply it. */
export const TEMPLATE_NAME_RE = /^[a-z0-9_]{1,512}$/;

const templateName: JsonSchema = { type: 'string', maxLength: 512, pattern: '[a-z0-9]{1,512}' };
const components = (more: JsonSchema = {}) => arrayOf(ref('WhatsappTemplateComponent'), more);

export const templateSchemas = {
  WhatsappTemplate: {
    type: 'object',
    required: ['language', 'name', 'wabaId'],
    properties: {
      officialTemplateId: str,
      wabaId: str,
      name: templateName,
      language: str,
      category: ref('WhatsappTemplateCategory'),
      subCategory: ref('WhatsappTemplateSubCategory'),
      previousCategory: str,
      messageSendTtlSeconds: int32,
      components: components({ minItems: 1 }),
      /** Only APPROVED templates can be sent; ARCHIVED ones cannot. */
      status: ref('WhatsappTemplateStatus'),
      qualityRating: ref('WhatsappTemplateQualityRating'),
      /** Why it was rejected. */
      reason: str,
      createTime: dateTime,
      updateTime: dateTime,
      statusUpdateEvent: ref('WhatsappTemplateStatusUpdateEventEnum'),
      disableDate: str,
      whatsappApiError: ref('WhatsappApiError'),
    },
  },

  WhatsappTemplatePage: pageOf('WhatsappTemplate'),

  WhatsappTemplateCreateRequest: {
    type: 'object',
    required: ['category', 'components', 'language', 'name', 'wabaId'],
    properties: {
      wabaId: str,
      name: templateName,
      language: str,
      category: ref('WhatsappTemplateCategory'),
      subCategory: ref('WhatsappTemplateSubCategory'),
      messageSendTtlSeconds: int32,
      components: components(),
      ctaUrlLinkTrackingOptedOut: bool,
    },
  },

  /** PATCH /whatsapp/templates/{wabaId}/{name}/{language}. */
  WhatsappTemplateEditRequest: {
    type: 'object',
    required: ['components'],
    properties: { components: components(), messageSendTtlSeconds: int32, ctaUrlLinkTrackingOptedOut: bool },
  },

  WhatsappTemplateStatus: strEnum('PENDING', 'REJECTED', 'APPROVED', 'PAUSED', 'DISABLED', 'ARCHIVED', 'IN_APPEAL', 'DELETED'),
  WhatsappTemplateCategory: strEnum('AUTHENTICATION', 'MARKETING', 'UTILITY'),
  WhatsappTemplateSubCategory: strEnum('ORDER_STATUS'),
  WhatsappTemplateQualityRating: strEnum('GREEN', 'YELLOW', 'RED', 'UNKNOWN'),
  WhatsappTemplateStatusUpdateEventEnum: strEnum(
    'PENDING', 'APPROVED', 'REJECTED', 'IN_APPEAL', 'PAUSED', 'FLAGGED', 'DISABLED', 'ARCHIVED', 'UNARCHIVED', 'REINSTATED',
    'PENDING_DELETION',
  ),

  /** BODY is the one every template has. */
  WhatsappTemplateComponent: {
    type: 'object',
    properties: {
      type: strEnum('BODY', 'HEADER', 'FOOTER', 'BUTTONS', 'LIMITED_TIME_OFFER', 'CAROUSEL', 'CALL_PERMISSION_REQUEST'),
      format: strEnum('TEXT', 'IMAGE', 'GIF', 'VIDEO', 'DOCUMENT', 'LOCATION'),
      text: { type: 'string', maxLength: 1024 },
      buttons: arrayOf(ref('WhatsappTemplateComponentButton'), { maxItems: 10 }),
      add_security_recommendation: bool,
      code_expiration_minutes: { ...int32, minimum: 1, maximum: 90 },
      limited_time_offer: ref('WhatsappTemplateComponentLimitedTimeOffer'),
      example: ref('WhatsappTemplateComponentExample'),
      cards: arrayOf(ref('WhatsappTemplateComponentCard'), { maxItems: 10 }),
    },
  },

  WhatsappTemplateComponentButton: {
    type: 'object',
    required: ['type'],
    properties: {
      type: ref('WhatsappTemplateComponentButtonType'),
      text: { type: 'string', maxLength: 25 },
      url: { type: 'string', maxLength: 2000 },
      phone_number: { type: 'string', maxLength: 20 },
      otp_type: ref('WhatsappTemplateComponentButtonOtpType'),
      autofill_text: { type: 'string', maxLength: 25 },
      package_name: { type: 'string', deprecated: true },
      signature_hash: { type: 'string', deprecated: true },
      supported_apps: arrayOf(ref('WhatsappTemplateComponentButtonOtpSupportedApp')),
      zero_tap_terms_accepted: bool,
      example: arrayOf(str),
      flow_id: str,
      flow_name: str,
      flow_json: str,
      flow_action: str,
      navigate_screen: str,
      app_deep_link: ref('WhatsappTemplateComponentButtonAppDeepLink'),
    },
  },
  WhatsappTemplateComponentButtonType: strEnum(
    'PHONE_NUMBER', 'URL', 'QUICK_REPLY', 'COPY_CODE', 'OTP', 'CATALOG', 'MPM', 'FLOW', 'ORDER_DETAILS', 'VOICE_CALL',
  ),
  WhatsappTemplateComponentButtonOtpType: strEnum('COPY_CODE', 'ONE_TAP', 'ZERO_TAP'),
  WhatsappTemplateComponentButtonOtpSupportedApp: { type: 'object', properties: { package_name: str, signature_hash: str } },
  WhatsappTemplateComponentButtonAppDeepLink: {
    type: 'object',
    properties: { meta_app_id: str, android_deep_link: str, android_fallback_playstore_url: str },
  },

  WhatsappTemplateComponentLimitedTimeOffer: {
    type: 'object',
    properties: { text: { type: 'string', maxLength: 16 }, has_expiration: bool },
  },
  WhatsappTemplateComponentExample: {
    type: 'object',
    properties: { body_text: arrayOf(arrayOf(str)), header_text: arrayOf(str), header_url: arrayOf(str) },
  },

  WhatsappTemplateComponentCard: {
    type: 'object',
    properties: { components: arrayOf(ref('WhatsappTemplateComponentCardComponent')) },
  },
  WhatsappTemplateComponentCardComponent: {
    type: 'object',
    properties: {
      type: strEnum('BODY', 'HEADER', 'BUTTONS'),
      format: strEnum('IMAGE', 'VIDEO'),
      text: { type: 'string', maxLength: 160 },
      buttons: arrayOf(ref('WhatsappTemplateComponentButton'), { minItems: 1, maxItems: 2 }),
      example: ref('WhatsappTemplateComponentExample'),
    },
  },
} satisfies Record<string, JsonSchema>;
