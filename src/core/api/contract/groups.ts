// The `whatsapp.group.*` payload (CONTRACT §11): `WhatsappGroupWebhook` of the official spec. ycp only
// sends samples of it (`webhook trigger`); it never calls the group API.
import { type JsonSchema, arrayOf, bool, dateTime, int64, opaque, ref, str, strEnum } from './schema.js';

const participants = arrayOf(ref('WhatsappGroupWebhookParticipant'));
/** Meta's error objects, passed through as they come. */
const errors = arrayOf({ type: 'object', additionalProperties: true });

export const groupSchemas = {
  WhatsappGroupWebhook: {
    type: 'object',
    properties: {
      wabaId: str,
      displayPhoneNumber: str,
      phoneNumberId: str,
      field: ref('WhatsappGroupWebhookField'),
      type: ref('WhatsappGroupWebhookType'),
      requestId: str,
      status: ref('WhatsappGroupWebhookStatus'),
      groupId: str,
      inviteLink: str,
      reason: str,
      initiatedBy: strEnum('business', 'participant'),
      joinRequestId: str,
      waId: str,
      recipientUserId: str,
      parentRecipientUserId: str,
      customerProfile: ref('WhatsappGroupCustomerProfile'),
      subject: str,
      description: str,
      joinApprovalMode: strEnum('approval_required', 'auto_approve'),
      addedParticipants: participants,
      removedParticipants: participants,
      failedParticipants: participants,
      settings: arrayOf(ref('WhatsappGroupWebhookSetting')),
      errors,
      contacts: arrayOf(ref('WhatsappGroupWebhookStatusContact')),
      statuses: arrayOf(ref('WhatsappGroupWebhookMessageStatus')),
      webhookTime: dateTime,
      dedupeKey: str,
    },
  },

  /** The event type without its `whatsapp.` prefix, with `_` for `.`; `messages` for statuses. */
  WhatsappGroupWebhookField: strEnum(
    'group_lifecycle_update', 'group_participants_update', 'group_settings_update', 'group_status_update', 'messages',
  ),
  WhatsappGroupWebhookType: strEnum(
    'group_create', 'group_delete', 'group_participants_add', 'group_participants_remove', 'group_join_request_created',
    'group_join_request_revoked', 'group_settings_update', 'group_suspend', 'group_suspend_cleared', 'message_status',
  ),
  WhatsappGroupWebhookStatus: strEnum(
    'created', 'failed', 'deleted', 'added', 'removed', 'left', 'requested', 'revoked', 'updated', 'suspended',
    'suspend_cleared', 'sent', 'delivered', 'read',
  ),
  WhatsappGroupCustomerProfile: { type: 'object', properties: { name: str, username: str } },

  WhatsappGroupWebhookParticipant: {
    type: 'object',
    properties: {
      input: str,
      waId: str,
      recipientUserId: str,
      parentRecipientUserId: str,
      customerProfile: ref('WhatsappGroupCustomerProfile'),
      errors,
    },
  },
  WhatsappGroupWebhookSetting: {
    type: 'object',
    properties: {
      name: strEnum('profile_picture', 'group_subject', 'group_description'),
      text: str,
      updateSuccessful: bool,
      mimeType: str,
      sha256: str,
      errors,
    },
  },
  WhatsappGroupWebhookStatusContact: {
    type: 'object',
    properties: {
      customerProfile: ref('WhatsappGroupCustomerProfile'),
      waId: str,
      recipientUserId: str,
      parentRecipientUserId: str,
    },
  },
  WhatsappGroupWebhookMessageStatus: {
    type: 'object',
    properties: {
      id: str,
      status: str,
      timestamp: int64,
      recipientId: str,
      recipientType: strEnum('group'),
      recipientParticipantId: str,
      recipientUserId: str,
      parentRecipientUserId: str,
      conversation: opaque,
      pricing: { type: 'object', properties: { billable: bool, pricingModel: str, type: str, category: str } },
      errors,
    },
  },
} satisfies Record<string, JsonSchema>;
