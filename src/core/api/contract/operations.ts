// Every operation of the official YCloud API v2 spec (63 paths, 87 operations), as data: method, path
// template (relative to the /v2 base URL), operationId, and the names of our schemas (index.ts) for the
// JSON request body and the 200 response. Data only, no imports: `ycp api <path>` loads it lazily to
// check a path and method ("did you mean …") and to say which schema applies; `ycp --help` never loads it.
//
// request / response:  a schema name | `Name[]` (a JSON array of Name) | 'none' (the spec has no body
// there) | null (the spec has a body, but we wrote no schema for it: `ycp api` shows "no schema").
// The cross-check (test/contract/official-spec.test.ts) holds every row to the official spec, both ways.
//
// Spec quirks kept as they are: two operationIds use `_` where their siblings use `-`
// (custom_events_delete-property-definition, custom_events_update-property-definition), one is camelCase
// (whatsapp_phone_number-update-displayName), and remove-participants is the one group path without
// `{businessPhoneNumber}`. Media upload and flow assets take multipart bodies (null here).

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Operation {
  method: HttpMethod;
  path: string;
  operationId: string;
  request: string | null;
  response: string | null;
}

type Row = readonly [HttpMethod, string, string, string | null, string | null];

const ROWS: readonly Row[] = [
  // Balance (CONTRACT §4).
  ['GET', '/balance', 'balance-retrieve', 'none', 'Balance'],
  // Contacts, custom events, email, SMS: no command of ycp (`ycp api` reaches every operation).
  ['GET', '/contact/contacts', 'contact-list', 'none', null],
  ['POST', '/contact/contacts', 'contact-create', null, null],
  ['DELETE', '/contact/contacts/{id}', 'contact-delete', 'none', null],
  ['GET', '/contact/contacts/{id}', 'contact-retrieve', 'none', null],
  ['PATCH', '/contact/contacts/{id}', 'contact-update', null, null],
  ['GET', '/contact/contacts/{id}/notes', 'contact-notes-list', 'none', null],
  ['GET', '/contact/contacts/attributes', 'contact-attributes-list', 'none', null],
  ['POST', '/event/definitions', 'custom_events-create-definition', null, null],
  ['GET', '/event/definitions/{name}', 'custom_events-retrieve-definition', 'none', null],
  ['PATCH', '/event/definitions/{name}', 'custom_events-update-definition', null, null],
  ['POST', '/event/definitions/{name}/properties', 'custom_events-create-property-definition', null, null],
  ['DELETE', '/event/definitions/{name}/properties/{propertyName}', 'custom_events_delete-property-definition', 'none', 'none'],
  ['PATCH', '/event/definitions/{name}/properties/{propertyName}', 'custom_events_update-property-definition', null, null],
  ['POST', '/event/events', 'custom_events-send-event', null, 'none'],
  ['POST', '/emails', 'email-send', null, null],
  ['GET', '/sms', 'sms-list', 'none', null],
  ['POST', '/sms', 'sms-send', null, 'Sms'],
  // Unsubscribers: no command either, but `ycp api /unsubscribers` is the documented example (cursor paging).
  ['GET', '/unsubscribers', 'unsubscriber-list', 'none', 'UnsubscriberPage'],
  ['POST', '/unsubscribers', 'unsubscriber-create', 'UnsubscriberCreateRequest', 'Unsubscriber'],
  ['GET', '/unsubscribers/{customer}', 'unsubscriber-list-all-by-customer', 'none', 'Unsubscriber[]'],
  ['DELETE', '/unsubscribers/{customer}/{channel}', 'unsubscriber-delete-by-customer-and-channel', 'none', 'Unsubscriber'],
  ['GET', '/unsubscribers/{customer}/{channel}', 'unsubscriber-retrieve-by-customer-and-channel', 'none', 'Unsubscriber'],
  // Verify and voice: no command of ycp.
  ['POST', '/verify/verifications', 'verification-send', null, null],
  ['POST', '/verify/verificationChecks', 'verification-check', null, null],
  ['GET', '/voices', 'voice-list', 'none', null],
  ['POST', '/voices', 'voice-send', null, 'Voice'],
  // Webhook endpoints (CONTRACT §5).
  ['GET', '/webhookEndpoints', 'webhook_endpoint-list', 'none', 'WebhookEndpointPage'],
  ['POST', '/webhookEndpoints', 'webhook_endpoint-create', 'WebhookEndpointCreateRequest', 'WebhookEndpoint'],
  ['DELETE', '/webhookEndpoints/{id}', 'webhook_endpoint-delete', 'none', 'WebhookEndpoint'],
  ['GET', '/webhookEndpoints/{id}', 'webhook_endpoint-retrieve', 'none', 'WebhookEndpoint'],
  ['PATCH', '/webhookEndpoints/{id}', 'webhook_endpoint-update', 'WebhookEndpointUpdateRequest', 'WebhookEndpoint'],
  ['POST', '/webhookEndpoints/{id}/rotateSecret', 'webhook_endpoint-rotate-secret', 'none', 'WebhookEndpoint'],
  // WhatsApp: business accounts, inbound messages, media, messages (CONTRACT §4, §6, §9).
  ['GET', '/whatsapp/businessAccounts', 'whatsapp_business_account-list', 'none', 'WhatsappBusinessAccountPage'],
  ['GET', '/whatsapp/businessAccounts/{id}', 'whatsapp_business_account-retrieve', 'none', 'WhatsappBusinessAccount'],
  ['POST', '/whatsapp/inboundMessages/{id}/markAsRead', 'whatsapp_inbound_message-mark-as-read', 'none', 'none'],
  ['POST', '/whatsapp/inboundMessages/{id}/typingIndicator', 'whatsapp_inbound_message-typing-indicator', 'none', 'none'],
  ['POST', '/whatsapp/media/{phoneNumber}/upload', 'whatsapp_media-upload', null, null],
  ['POST', '/whatsapp/messages/sendDirectly', 'whatsapp_message-send-directly', 'WhatsappMessageSendRequest', 'WhatsappMessage'],
  ['POST', '/whatsapp/messages', 'whatsapp_message-send', 'WhatsappMessageSendRequest', 'WhatsappMessage'],
  ['GET', '/whatsapp/messages/{id}', 'whatsapp_message-retrieve', 'none', 'WhatsappMessage'],
  // Groups and calls: not used by ycp.
  ['GET', '/whatsapp/{businessPhoneNumber}/groups', 'whatsapp_group-list', 'none', null],
  ['POST', '/whatsapp/{businessPhoneNumber}/groups', 'whatsapp_group-create', null, null],
  ['DELETE', '/whatsapp/{businessPhoneNumber}/groups/{groupId}', 'whatsapp_group-delete', 'none', null],
  ['GET', '/whatsapp/{businessPhoneNumber}/groups/{groupId}', 'whatsapp_group-retrieve', 'none', null],
  ['GET', '/whatsapp/{businessPhoneNumber}/groups/{groupId}/inviteLink', 'whatsapp_group-retrieve-invite-link', 'none', null],
  ['POST', '/whatsapp/{businessPhoneNumber}/groups/{groupId}/inviteLink/reset', 'whatsapp_group-reset-invite-link', 'none', null],
  ['POST', '/whatsapp/{businessPhoneNumber}/groups/inviteLink/messages', 'whatsapp_group-send-invite-link-message', null, 'WhatsappMessage'],
  ['GET', '/whatsapp/{businessPhoneNumber}/groups/{groupId}/joinRequests', 'whatsapp_group-list-join-requests', 'none', null],
  ['POST', '/whatsapp/{businessPhoneNumber}/groups/{groupId}/joinRequests/approve', 'whatsapp_group-approve-join-requests', null, null],
  ['POST', '/whatsapp/{businessPhoneNumber}/groups/{groupId}/joinRequests/reject', 'whatsapp_group-reject-join-requests', null, null],
  ['POST', '/whatsapp/groups/{groupId}/participants/remove', 'whatsapp_group-remove-participants', null, null],
  ['PATCH', '/whatsapp/{businessPhoneNumber}/groups/{groupId}/settings', 'whatsapp_group-update-settings', null, null],
  ['POST', '/whatsapp/calls/connect', 'whatsapp_call-connect', null, null],
  ['POST', '/whatsapp/calls/preAccept', 'whatsapp_call-pre-accept', null, null],
  ['POST', '/whatsapp/calls/accept', 'whatsapp_call-accept', null, null],
  ['POST', '/whatsapp/calls/terminate', 'whatsapp_call-terminate', null, null],
  ['POST', '/whatsapp/calls/reject', 'whatsapp_call-reject', null, null],
  // Phone numbers (CONTRACT §7, §8).
  ['GET', '/whatsapp/phoneNumbers', 'whatsapp_phone_number-list', 'none', 'WhatsappPhoneNumberPage'],
  ['GET', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}', 'whatsapp_phone_number-retrieve', 'none', 'WhatsappPhoneNumber'],
  ['GET', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/profile', 'whatsapp_phone_number-retrieve-profile', 'none', 'WhatsappPhoneNumberProfile'],
  ['PATCH', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/profile', 'whatsapp_phone_number-update-profile', 'WhatsappPhoneNumberProfileUpdateRequest', 'WhatsappPhoneNumberProfile'],
  ['PATCH', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/displayName', 'whatsapp_phone_number-update-displayName', 'WhatsappPhoneNameUpdateRequest', 'WhatsappPhoneNameUpdateResponse'],
  ['DELETE', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/businessUsername', 'whatsapp_phone_number-delete-business-username', 'none', null],
  ['GET', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/businessUsername', 'whatsapp_phone_number-retrieve-business-username', 'none', null],
  ['PATCH', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/businessUsername', 'whatsapp_phone_number-update-business-username', null, null],
  ['GET', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/businessUsername/suggestions', 'whatsapp_phone_number-retrieve-business-username-suggestions', 'none', null],
  ['GET', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/whatsappCommerceSettings', 'whatsapp_phone_number-retrieve-commerce-settings', 'none', null],
  ['PATCH', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/whatsappCommerceSettings', 'whatsapp_phone_number-update-commerce-settings', null, null],
  ['POST', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/register', 'whatsapp_phone_number-register', 'none', 'WhatsappPhoneNumber'],
  ['GET', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/settings', 'whatsapp_phone_number-retrieve-settings', 'none', 'WhatsappPhoneNumberSettings'],
  ['POST', '/whatsapp/phoneNumbers/{wabaId}/{phoneNumber}/settings', 'whatsapp_phone_number-save-settings', 'WhatsappPhoneNumberSettings', 'WhatsappPhoneNumberSettings'],
  // Templates (CONTRACT §10).
  ['GET', '/whatsapp/templates', 'whatsapp_template-list', 'none', 'WhatsappTemplatePage'],
  ['POST', '/whatsapp/templates', 'whatsapp_template-create', 'WhatsappTemplateCreateRequest', 'WhatsappTemplate'],
  ['DELETE', '/whatsapp/templates/{wabaId}/{name}', 'whatsapp_template-delete-by-name', 'none', 'WhatsappTemplate[]'],
  ['DELETE', '/whatsapp/templates/{wabaId}/{name}/{language}', 'whatsapp_template-delete-by-name-and-language', 'none', 'WhatsappTemplate'],
  ['GET', '/whatsapp/templates/{wabaId}/{name}/{language}', 'whatsapp_template-retrieve-by-name-and-language', 'none', 'WhatsappTemplate'],
  ['PATCH', '/whatsapp/templates/{wabaId}/{name}/{language}', 'whatsapp_template-edit-by-name-and-language', 'WhatsappTemplateEditRequest', 'WhatsappTemplate'],
  // Flows: not used by ycp.
  ['GET', '/whatsapp/flows', 'whatsapp_flow-list', 'none', null],
  ['POST', '/whatsapp/flows', 'whatsapp_flow-create', null, null],
  ['PATCH', '/whatsapp/flows/{flowId}/metadata', 'whatsapp_flow-update-metadata', null, null],
  ['PATCH', '/whatsapp/flows/{flowId}/assets', 'whatsapp_flow-update-structure', null, null],
  ['DELETE', '/whatsapp/flows/{flowId}', 'whatsapp_flow-delete', 'none', null],
  ['GET', '/whatsapp/flows/{flowId}', 'whatsapp_flow-retrieve', 'none', null],
  ['POST', '/whatsapp/flows/{flowId}/publish', 'whatsapp_flow-publish', 'none', null],
  ['POST', '/whatsapp/flows/{flowId}/deprecate', 'whatsapp_flow-deprecate', 'none', null],
  ['GET', '/whatsapp/flows/{flowId}/preview', 'whatsapp_flow-preview', 'none', null],
];

export const OPERATIONS: readonly Operation[] = ROWS.map(([method, path, operationId, request, response]) => ({
  method, path, operationId, request, response,
}));

/**
 * Lists paged by cursor (`pageAfter` in, `cursor.after` out) rather than by page number: `ycp api
 * --paginate` walks these by cursor. In the spec only the unsubscriber list takes `pageAfter` (CONTRACT §3
 * names contacts too, but the pinned spec gives the contact list page/limit only).
 */
export const CURSOR_PAGED: ReadonlySet<string> = new Set(['unsubscriber-list']);
