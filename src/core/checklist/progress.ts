import type { Store } from '../store.js';
import { STEP_IDS, type Progress, type StepId, type StepRecord } from './types.js';

export const PROGRESS_KEY = 'init';

/** Reads the stored progress, ignoring anything that does not look like ours (a hand-edited file). */
export function loadProgress(profile: Readonly<Record<string, unknown>>): Progress {
  const raw = profile[PROGRESS_KEY] as { steps?: Record<string, unknown> } | undefined;
  const steps: Progress['steps'] = {};
  if (raw && typeof raw === 'object' && raw.steps && typeof raw.steps === 'object') {
    for (const id of STEP_IDS) {
      const r = raw.steps[id] as StepRecord | undefined;
      if (r && typeof r === 'object') steps[id] = r;
    }
  }
  return { version: 1, steps };
}

/**
 * Merges one step's record and writes the whole progress once. Called only from an explicit answer
 * (a step completing, an item ticked), never from a loop: conf has no locking (ARCHITECTURE §6).
 */
export function saveStep(store: Store, profile: string, progress: Progress, id: StepId, patch: StepRecord): void {
  const prev = progress.steps[id] ?? {};
  progress.steps[id] = { ...prev, ...patch, data: patch.data ? { ...prev.data, ...patch.data } : prev.data };
  store.set(profile, PROGRESS_KEY, progress);
}
