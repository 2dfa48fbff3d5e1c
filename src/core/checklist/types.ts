import type { Msg } from '../../i18n/index.js';
import type { Balance, PhoneNumber, Waba, WebhookEndpoint } from '../api/types.js';
import type { Resolved } from '../settings.js';

export const STEP_IDS = [
  'apply', 'account', 'tech-provider', 'partner-solution', 'embedded-signup', 'first-number', 'webhooks', 'app-review', 'go-live',
] as const;
export type StepId = (typeof STEP_IDS)[number];
export type StepState = 'done' | 'waiting' | 'todo';

/** What `init` stored for one step, at the moment the step completed (or a sub-item was ticked). */
export interface StepRecord {
  state?: 'done' | 'waiting';
  /** RFC 3339 time of the last explicit answer. */
  at?: string;
  /** Checklist items the user ticked. */
  ticks?: string[];
  /** Facts the step found (WABA ID, phone-number ID, endpoint ID and URL). Never secrets. */
  data?: Record<string, string>;
}

/** Stored per profile under the `init` key. */
export interface Progress {
  version: 1;
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
  key: { state: KeyState; masked?: string; source?: Msg; requestId?: string; reason?: string; balance?: Balance };
  wabas?: Waba[];
  numbers?: PhoneNumber[];
  endpoints?: WebhookEndpoint[];
  /** Why a part is missing (network error, no key …), for the evidence. */
  problem?: string;
}

export interface EvalInput {
  progress: Progress;
  values: Values;
  snap: Snapshot;
  webhookUrl?: string;
}

export interface Evaluation {
  state: StepState;
  evidence: Msg[];
  /** Why the step is not done: what to do next. */
  blocker?: Msg;
}
