import type { Ctx } from '../context.js';
import { usageError } from '../errors.js';

/** --secret, else YCLOUD_WEBHOOK_SECRET (an env var keeps it out of shell history). */
export function signingSecret(ctx: Ctx, flag: string | undefined): string {
  const s = flag ?? ctx.env.YCLOUD_WEBHOOK_SECRET;
  if (!s) throw usageError('--secret is required (or set YCLOUD_WEBHOOK_SECRET)', "use the receiving app's endpoint secret (whsec_…)");
  ctx.io.secrets.add(s);
  return s;
}
