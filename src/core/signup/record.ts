// The result of one signup, saved next to the page (`<dir>/.ycp/signup-<time>.json`) so a partner
// can see later what happened. IDs, statuses and timings only: never the code, never the API key.
// `status` and `init` read these back: a real (not sandbox) signup whose WABA YCloud now lists is the
// evidence that steps 3–5 were right (core/checklist/signup-evidence.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CapturedSignup } from './capture.js';
import type { FlowResult } from './flow.js';

export type SignupOutcome = 'connected' | 'captured' | 'registered' | 'cancelled' | 'failed' | 'not-ready';

export interface SignupRecord {
  kind: 'ycp.signup';
  /** 2: `sandbox` is always present (version 1 records cannot tell a sandbox signup from a real one). */
  version: 2;
  outcome: SignupOutcome;
  event: string;
  /** Captured in sandbox mode (the API on loopback): never evidence about the partner's Meta setup. */
  sandbox: boolean;
  /** The page's Embedded Signup version. */
  esVersion?: string;
  /** What the partner's backend answered (`--forward-to`). */
  backend?: { url: string; status?: number; error?: string };
  wabaId?: string;
  businessId?: string;
  phoneNumberId?: string;
  e164?: string;
  status?: string;
  paymentMethodAttached?: boolean;
  registered?: boolean;
  registerSkipped?: string;
  codeReceived: boolean;
  currentStep?: string;
  error?: { kind: string; message: string; code?: string; hint?: string };
  capturedAt: string;
  finishedAt: string;
  timings?: FlowResult['timings'];
}

export interface RecordContext {
  sandbox: boolean;
  esVersion?: string;
  backend?: SignupRecord['backend'];
}

export function buildRecord(c: CapturedSignup, outcome: SignupOutcome, finishedAt: number, rc: RecordContext, r?: FlowResult, error?: SignupRecord['error']): SignupRecord {
  const rec: SignupRecord = {
    kind: 'ycp.signup',
    version: 2,
    outcome,
    event: c.event,
    sandbox: rc.sandbox,
    esVersion: rc.esVersion,
    backend: rc.backend,
    wabaId: c.wabaId,
    businessId: r?.businessId ?? c.businessId,
    phoneNumberId: c.phoneNumberId,
    e164: r?.e164,
    status: r?.status,
    paymentMethodAttached: r?.paymentMethodAttached,
    registered: r?.registered,
    registerSkipped: r?.registerSkipped,
    codeReceived: Boolean(c.code),
    currentStep: c.currentStep,
    error,
    capturedAt: new Date(c.receivedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    timings: r?.timings,
  };
  for (const k of Object.keys(rec) as (keyof SignupRecord)[]) if (rec[k] === undefined) delete rec[k];
  return rec;
}

/** Writes the record under `<dir>/.ycp/` and returns its path. */
export async function saveRecord(dir: string, rec: SignupRecord): Promise<string> {
  const folder = join(dir, '.ycp');
  await mkdir(folder, { recursive: true });
  const stamp = rec.finishedAt.replace(/[:.]/g, '-');
  let path = join(folder, `signup-${stamp}.json`);
  for (let i = 2; i < 100; i++) {
    try {
      await writeFile(path, JSON.stringify(rec, null, 2) + '\n', { encoding: 'utf8', flag: 'wx', mode: 0o600 });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      path = join(folder, `signup-${stamp}-${i}.json`);
    }
  }
  throw new Error(`could not find a free file name in ${folder}`);
}
