// Types are the contract's nouns (CONTRACT §5–§11). Enums are open: YCloud adds values without notice.
import { ENUMS } from '../enums.js';

type Open<T extends string> = T | (string & {});

export interface Page<T> {
  offset: number;
  limit: number;
  length: number;
  total?: number;
  items: T[];
}

export type PhoneStatus = Open<
  | 'PENDING' | 'UNVERIFIED' | 'MANUAL_REVIEW' | 'DISCONNECTED' | 'CONNECTED' | 'FLAGGED' | 'WARNED'
  | 'RATE_LIMITED' | 'BANNED' | 'RESTRICTED' | 'BLOCKED' | 'MIGRATED' | 'UNKNOWN'
>;
/** The enum table's row (core/enums.ts): the flags that take a status check against it. */
export const PHONE_STATUSES = ENUMS.phoneStatus;

export interface Waba {
  id?: string;
  name?: string;
  accountReviewStatus?: Open<'PENDING' | 'APPROVED' | 'REJECTED'>;
  businessId?: string;
  businessName?: string;
  businessVerificationStatus?: string;
  paymentMethodAttached?: boolean;
  currency?: string;
  country?: string;
  timezoneId?: string;
  [k: string]: unknown;
}

export interface PhoneNumber {
  id?: string;
  phoneNumber?: string;
  displayPhoneNumber?: string;
  wabaId?: string;
  verifiedName?: string;
  status?: PhoneStatus;
  qualityRating?: string;
  messagingLimit?: string;
  codeVerificationStatus?: string;
  nameStatus?: string;
  [k: string]: unknown;
}

export type MessageStatus = Open<'accepted' | 'sent' | 'delivered' | 'read' | 'failed'>;

export interface Message {
  id: string;
  wabaId: string;
  from: string;
  to?: string;
  wamid?: string;
  type?: string;
  status?: MessageStatus;
  errorCode?: string;
  errorMessage?: string;
  externalId?: string;
  createTime?: string;
  updateTime?: string;
  [k: string]: unknown;
}

export interface MessageSendRequest {
  from: string;
  to: string;
  type: 'text' | 'template';
  text?: { body: string; preview_url?: boolean };
  template?: {
    name: string;
    language: { code: string };
    components?: { type: string; parameters: { type: 'text'; text: string }[] }[];
  };
  externalId?: string;
}

export const TEMPLATE_STATUSES = ['PENDING', 'REJECTED', 'APPROVED', 'PAUSED', 'DISABLED', 'ARCHIVED', 'IN_APPEAL', 'DELETED'] as const;
export const TEMPLATE_CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;

export interface Template {
  wabaId: string;
  name: string;
  language: string;
  category?: string;
  status?: Open<'PENDING' | 'REJECTED' | 'APPROVED' | 'PAUSED' | 'DISABLED' | 'ARCHIVED' | 'IN_APPEAL' | 'DELETED'>;
  qualityRating?: string;
  reason?: string;
  components?: unknown[];
  [k: string]: unknown;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  enabledEvents?: string[];
  description?: string;
  status?: Open<'active' | 'disabled' | 'pending'>;
  secret?: string;
  createTime?: string;
  updateTime?: string;
  [k: string]: unknown;
}

export interface WebhookEndpointCreate {
  url: string;
  enabledEvents: string[];
  description?: string;
  status?: 'active' | 'disabled';
}

export interface WebhookEndpointUpdate {
  url?: string;
  enabledEvents?: string[];
  description?: string;
  status?: 'active' | 'disabled';
}

export interface Balance {
  amount: number;
  currency: string;
}

/** POST /whatsapp/templates (contract: WhatsappTemplateCreateRequest); the body is checked before sending. */
export interface TemplateCreate {
  wabaId: string;
  name: string;
  language: string;
  category: string;
  components: unknown[];
  [k: string]: unknown;
}

/** PATCH /whatsapp/templates/{wabaId}/{name}/{language}: the components (all of them), nothing else of note. */
export interface TemplateEdit {
  components: unknown[];
  messageSendTtlSeconds?: number;
  ctaUrlLinkTrackingOptedOut?: boolean;
}

export type NameStatus = Open<'APPROVED' | 'AVAILABLE_WITHOUT_REVIEW' | 'DECLINED' | 'EXPIRED' | 'PENDING_REVIEW' | 'NONE'>;

/** GET/PATCH …/{wabaId}/{E164}/profile (contract: WhatsappPhoneNumberProfile). */
export interface PhoneProfile {
  about?: string;
  address?: string;
  description?: string;
  email?: string;
  websites?: string[];
  vertical?: string;
  profilePictureUrl?: string;
  verifiedName?: string;
  nameStatus?: NameStatus;
  newName?: string;
  newNameStatus?: NameStatus;
  [k: string]: unknown;
}

export type PhoneProfileUpdate = Pick<PhoneProfile, 'about' | 'address' | 'description' | 'email' | 'websites' | 'vertical' | 'profilePictureUrl'>;

/** PATCH …/{wabaId}/{E164}/displayName answers the name and its review status. */
export interface DisplayNameUpdate {
  verifiedName?: string;
  nameStatus?: NameStatus;
  newName?: string;
  newNameStatus?: NameStatus;
}
