// The spec's `EventType` enum (openapi.yaml#/components/schemas/EventType), in spec order. A test keeps
// this list equal to the spec; the spec is not shipped, so the runtime needs its own copy.
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
