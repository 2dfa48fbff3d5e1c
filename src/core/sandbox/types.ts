// The sandbox's own state shapes. Public objects (WABA, number, message, template, endpoint) are kept
// exactly as the API returns them; bookkeeping the API never shows lives beside them, never inside.
import type { Balance, Message, PhoneNumber, PhoneProfile, Template, Waba, WebhookEndpoint } from '../api/types.js';
import type { EventEnvelope } from '../webhook/event-types.js';

export interface PhoneRecord {
  number: PhoneNumber;
  /** The business profile (about, address, …); name fields come from `number`. */
  profile?: Omit<PhoneProfile, 'verifiedName' | 'nameStatus' | 'newName' | 'newNameStatus'>;
  /** Register calls that counted toward the 10-per-72-h limit (ms since epoch). */
  registerAttempts: number[];
  /** When a registered number turns CONNECTED (ms since epoch). */
  connectAt?: number;
}

export type PlannedStatus = 'sent' | 'delivered' | 'read' | 'failed';
export interface PlannedStep {
  status: PlannedStatus;
  at: number;
  errorCode?: string;
  errorMessage?: string;
}

export interface MessageRecord {
  message: Message;
  /** Status changes still to come, in time order. */
  plan: PlannedStep[];
  /** A `delivered` snapshot held back to be sent after `read` (out-of-order mode). */
  held?: Message;
}

export interface DeliveryLog {
  eventId: string;
  eventType: string;
  endpointId: string;
  attempt: number;
  at: string;
  outcome: 'delivered' | 'failed' | 'dropped' | 'skipped';
  status?: number;
  error?: string;
}

/** An opt-out, as `GET /unsubscribers` returns it (contract: Unsubscriber). */
export interface Unsubscriber {
  type: 'PHONE_NUMBER';
  customer: string;
  channel: 'whatsapp';
  regionCode?: string;
  source?: 'Whatsapp' | 'API' | 'Manual';
  createTime?: string;
}

/** A review Meta has yet to decide (reviews.ts): a template (or its later recategorisation), a display name. */
export type Review =
  | { kind: 'template'; wabaId: string; name: string; language: string; at: number; step: 'review' | 'recategorize' }
  | { kind: 'name'; phoneId: string; at: number };

export interface SandboxData {
  version: 1;
  seed: string;
  apiKey: string;
  balance: Balance;
  wabas: Waba[];
  phones: PhoneRecord[];
  templates: Template[];
  messages: MessageRecord[];
  endpoints: WebhookEndpoint[];
  unsubscribers: Unsubscriber[];
  /** Template and display-name reviews still to be decided (reviews.ts). */
  reviews: Review[];
  /** The most recent webhook delivery attempts, newest last (capped). */
  deliveries: DeliveryLog[];
  /** Switches a test can flip through /_sandbox/config. */
  config: { outOfOrderEvents: boolean };
}

/** A webhook event, shaped like the spec's `Event` (built by webhook/event-types.ts buildEvent). */
export type SandboxEvent = EventEnvelope;
