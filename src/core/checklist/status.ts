import type { Ctx } from '../context.js';
import { apiClient } from '../api/from-ctx.js';
import { buildReport, type Report } from './evaluate.js';
import { loadProgress } from './progress.js';
import { valuesFrom } from './run.js';
import { gatherSnapshot } from './snapshot.js';
import { findSignupEvidence } from './signup-evidence.js';
import { sourceMsg } from '../setting-source.js';

/** `ycp status`: the stored progress, re-checked against what YCloud shows now. Read-only. */
export async function readStatus(ctx: Ctx, mask: (s: string) => string, o: { requireVerified?: boolean } = {}): Promise<Report> {
  const cfg = await ctx.config();
  const values = valuesFrom(cfg);
  const key = values.apiKey.value;
  const snap = await gatherSnapshot(key ? await apiClient(ctx, { purpose: 'operation', apiKey: key }) : undefined, {
    masked: key ? mask(key) : undefined,
    source: sourceMsg(values.apiKey),
  });
  const progress = loadProgress(cfg.store.profile(cfg.profile));
  const lang = cfg.lang;
  const signup = await findSignupEvidence(progress, snap);
  return buildReport(lang, cfg.profile, { progress, values, snap, webhookUrl: progress.steps.webhooks?.data?.url, signup, requireVerified: o.requireVerified });
}
