import type { Msg } from '../../i18n/index.js';
import type { Text } from '../errors.js';
import type { Balance, PhoneNumber, Waba, WebhookEndpoint } from '../api/types.js';
import type { Resolved } from '../settings.js';

export const STEP_IDS = [
  'apply', 'account', 'tech-provider', 'partner-solution', 'embedded-signup', 'first-number', 'webhooks', 'app-review', 'go-live',
] as const;
export type StepId = (typeof STEP_IDS)[number];
export type StepState = 'done' | 'waiting' | 'todo';

/**
 * How ycp knows an item (docs/init.md "Evidence"): `verified` when it checked it live and says how,
 * `attested` when a person said so (recorded with when), `todo` otherwise.
 */
export type EvidenceKind = 'verified' | 'attested' | 'todo';

/**
 * Items only a person can confirm, per step: `ycp init --attest ITEM[,ITEM]` or a yes at the prompt;
 * `--yes` never answers these. The ids are what `--attest` takes (listed in `ycp init --help`).
 */
export const PERSON_ITEMS = {
  apply: ['application'],
  account: ['account-email'],
  'tech-provider': ['business-portfolio', 'meta-developer', 'meta-app', 'test-message', 'business-verification'],
  'partner-solution': ['solution-submitted', 'solution-accepted'],
  'embedded-signup': ['public-profile', 'login-config-v4', 'oauth-settings', 'allowed-domains'],
  'app-review': ['review-settings', 'review-management', 'review-messaging', 'review-submitted', 'review-approved', 'app-live'],
} as const satisfies Partial<Record<StepId, readonly string[]>>;
export type PersonItem = (typeof PERSON_ITEMS)[keyof typeof PERSON_ITEMS][number];
export const ALL_PERSON_ITEMS: readonly PersonItem[] = Object.values(PERSON_ITEMS).flat();

/** The IDs a person types, each attested by giving it (a flag or an answer) and kept as a setting. */
export const VALUE_ITEMS = { appId: 'app-id', solutionId: 'solution-id', configId: 'config-id' } as const;
export type ValueItem = (typeof VALUE_ITEMS)[keyof typeof VALUE_ITEMS];
/** What ycp checks itself against YCloud (or a signup record). */
export type CheckItem = 'api-key' | 'waba' | 'payment-method' | 'number-connected' | 'webhook-endpoint';
export type ItemId = PersonItem | ValueItem | CheckItem;

export interface Attestation {
  /** RFC 3339; empty when it is not known (a record from before evidence kinds that had no time). */
  at: string;
  via: 'prompt' | 'flag' | 'migrated';
}

/** What `init` stored for one step. Never secrets. */
export interface StepRecord {
  /** Kept from version 1 records; the state is now worked out from the items. */
  state?: 'done' | 'waiting';
  /** RFC 3339 time of the last explicit answer. */
  at?: string;
  attested?: Partial<Record<PersonItem | ValueItem, Attestation>>;
  /** When ycp last saw this step's live checks pass (steps 2, 6, 7): the evidence while YCloud cannot be reached. */
  verifiedAt?: string;
  /** Facts the step found (WABA ID, phone-number ID, endpoint ID and URL, the page folder). */
  data?: Record<string, string>;
  /** Version 1 only: the checklist keys ticked (read by the migration). */
  ticks?: string[];
}

/** Stored per profile under the `init` key. Version 1 (ticks, no evidence kinds) is migrated when read. */
export interface Progress {
  version: 2;
  steps: Partial<Record<StepId, StepRecord>>;
}

/** The settings the checklist reads, with their sources (flag > env > profile). */
export interface Values {
  apiKey: Resolved;
  appId?: string;
  configId?: string;
  solutionId?: string;
  baseUrl: string;
}

export type KeyState = 'missing' | 'ok' | 'rejected' | 'unreachable';

/** One look at YCloud: the key, WABAs, numbers, webhook endpoints. A part is undefined when it could not be read. */
export interface Snapshot {
  key: { state: KeyState; masked?: string; source?: Msg; requestId?: string; reason?: Text; balance?: Balance };
  wabas?: Waba[];
  numbers?: PhoneNumber[];
  endpoints?: WebhookEndpoint[];
  /** Why a part is missing (network error, no key …), for the evidence. */
  problem?: Text;
}

/** A real (not sandbox) signup through the partner's page whose WABA YCloud now lists: steps 3–5 were right. */
export interface SignupEvidence {
  file: string;
  at: string;
  wabaId: string;
}

export interface EvalInput {
  progress: Progress;
  values: Values;
  snap: Snapshot;
  webhookUrl?: string;
  signup?: SignupEvidence;
  /** `status --require-verified`: an attested item that ycp could verify counts as not done. */
  requireVerified?: boolean;
}

export interface ItemEval {
  id: ItemId;
  kind: EvidenceKind;
  /** What was seen or said: how it was verified, what was attested, what is missing. */
  evidence?: Msg;
  at?: string;
  via?: Attestation['via'] | 'live' | 'signup' | 'earlier';
  /** ycp has a way to verify it (a live check, or a signup through the page). */
  verifiable: boolean;
}

export interface Evaluation {
  state: StepState;
  kind: EvidenceKind;
  items: ItemEval[];
  evidence: Msg[];
  /** Why the step is not done: what to do next. */
  blocker?: Msg;
}
