import type { Store } from '../store.js';
import { STEP_IDS, type Attestation, type PersonItem, type Progress, type StepId, type StepRecord } from './types.js';

export const PROGRESS_KEY = 'init';

/** Version 1 stored the checklist keys a person ticked; each becomes the item it stood for. */
const V1_TICKS: Record<string, PersonItem> = {
  's2.confirm': 'account-email',
  's3.portfolio': 'business-portfolio',
  's3.developer': 'meta-developer',
  's3.app': 'meta-app',
  's3.test': 'test-message',
  's3.verification': 'business-verification',
  's4.confirm': 'solution-submitted',
  's5.publicProfile': 'public-profile',
  's5.oauthDone': 'oauth-settings',
  's5.domainsDone': 'allowed-domains',
  's8.tickSettings': 'review-settings',
  's8.tickManagement': 'review-management',
  's8.tickMessaging': 'review-messaging',
  's8.tickSubmitted': 'review-submitted',
  's8.tickApproved': 'review-approved',
  's8.tickLive': 'app-live',
};

/** Reads the stored progress, ignoring anything that does not look like ours (a hand-edited file). */
export function loadProgress(profile: Readonly<Record<string, unknown>>): Progress {
  const raw = profile[PROGRESS_KEY] as { version?: unknown; steps?: Record<string, unknown> } | undefined;
  const steps: Progress['steps'] = {};
  if (raw && typeof raw === 'object' && raw.steps && typeof raw.steps === 'object') {
    for (const id of STEP_IDS) {
      const r = raw.steps[id] as StepRecord | undefined;
      if (r && typeof r === 'object') steps[id] = { ...r };
    }
  }
  const progress: Progress = { version: 2, steps };
  return raw?.version === 2 ? progress : migrateV1(progress);
}

/**
 * Version 1 had no evidence kinds: a tick or a step marked done was the person's word, so it becomes
 * an attestation dated with the step's time (via 'migrated'). Steps 2, 6 and 7 were only recorded done
 * after ycp checked them live, so they keep that as `verifiedAt`. Two things are deliberately not
 * carried over: "Go live" (now worked out from steps 1–8), and a v4 login configuration, which
 * version 1 never asked about. Written back as version 2 on the next save.
 */
export function migrateV1(p: Progress): Progress {
  for (const id of STEP_IDS) {
    const r = p.steps[id];
    if (!r) continue;
    const stamp: Attestation = { at: r.at ?? '', via: 'migrated' };
    const attested: StepRecord['attested'] = { ...r.attested };
    for (const tick of r.ticks ?? []) if (V1_TICKS[tick]) attested[V1_TICKS[tick]] ??= stamp;
    if (r.state === 'done') {
      if (id === 'apply') attested.application ??= stamp;
      // Version 1 recorded step 4 done only once the Solution ID YCloud sends on acceptance was given.
      if (id === 'partner-solution') attested['solution-accepted'] ??= stamp;
      if (id === 'account' || id === 'first-number' || id === 'webhooks') r.verifiedAt ??= r.at ?? '';
    }
    const { ticks: _ticks, ...rest } = r;
    p.steps[id] = Object.keys(attested).length ? { ...rest, attested } : rest;
  }
  delete p.steps['go-live'];
  return p;
}

/**
 * Merges one step's record and writes the whole progress once. Called only from an explicit answer
 * (a step completing, an item attested), never from a loop (ARCHITECTURE §6).
 */
export function saveStep(store: Store, profile: string, progress: Progress, id: StepId, patch: StepRecord): void {
  const prev = progress.steps[id] ?? {};
  progress.steps[id] = {
    ...prev,
    ...patch,
    data: patch.data ? { ...prev.data, ...patch.data } : prev.data,
    attested: patch.attested ? { ...prev.attested, ...patch.attested } : prev.attested,
  };
  for (const k of ['data', 'attested'] as const) if (progress.steps[id]![k] === undefined) delete progress.steps[id]![k];
  store.set(profile, PROGRESS_KEY, progress);
}
