// Steps 3–5 are verified, not only attested, once a real signup went through the partner's own page:
// Meta returns a WABA only when the app, the login configuration, the solution and the page's domain
// were all right. The evidence is a record `ycp signup serve` saved (<page dir>/.ycp/signup-*.json) for a
// non-sandbox FINISH whose WABA YCloud lists now. The page folder is found the way the wizard records it.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_PAGE_DIR } from './page-dir.js';
import type { Progress, SignupEvidence, Snapshot } from './types.js';

interface RecordShape {
  version?: number;
  sandbox?: boolean;
  event?: string;
  wabaId?: string;
  capturedAt?: string;
}

export async function findSignupEvidence(progress: Progress, snap: Snapshot): Promise<SignupEvidence | undefined> {
  if (!snap.wabas?.length) return undefined; // nothing listed (or not readable): nothing to match
  const listed = new Set(snap.wabas.map((w) => w.id));
  const dirs = [...new Set([progress.steps['embedded-signup']?.data?.pageDir, resolve(DEFAULT_PAGE_DIR)].filter((d): d is string => Boolean(d)))];
  let best: SignupEvidence | undefined;
  for (const dir of dirs) {
    const folder = join(dir, '.ycp');
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => /^signup-.*\.json$/.test(n))) {
      let r: RecordShape;
      try {
        r = JSON.parse(await readFile(join(folder, name), 'utf8')) as RecordShape;
      } catch {
        continue;
      }
      // Version 1 records cannot tell a sandbox signup from a real one: only version 2 counts.
      if ((r.version ?? 1) < 2 || r.sandbox !== false || !r.event?.startsWith('FINISH') || !r.wabaId || !listed.has(r.wabaId) || !r.capturedAt) continue;
      if (!best || r.capturedAt > best.at) best = { file: join(folder, name), at: r.capturedAt, wabaId: r.wabaId };
    }
  }
  return best;
}
