// The forwarding secret (docs/webhooks.md): `webhook listen --forward-to` verifies YCloud's signature,
// then signs each forwarded event again with this secret, which stays the same for a profile across runs,
// so the partner's app is configured once. `webhook trigger` and `replay` sign with it too when no
// --secret / YCLOUD_WEBHOOK_SECRET is given. It is created on first use with a CSPRNG, in YCloud's
// `whsec_` + 32 hex format, and stored in the profile beside the API key (file mode 0600).
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';

export const FORWARDING_SECRET_KEY = 'forwardingSecret';
const FORMAT = /^whsec_[0-9a-f]{32}$/;
const isSecret = (v: unknown): v is string => typeof v === 'string' && FORMAT.test(v);

export function newForwardingSecret(): string {
  return `whsec_${randomBytes(16).toString('hex')}`;
}

/**
 * The profile's forwarding secret, created and stored when it has none (or an unreadable one). It is
 * registered as a secret of the run: masked in every output unless the caller reveals it on purpose.
 */
export async function forwardingSecret(ctx: Pick<Ctx, 'config' | 'io'>): Promise<{ secret: string; created: boolean; profile: string }> {
  const cfg = await ctx.config();
  const stored = cfg.store.profile(cfg.profile)[FORWARDING_SECRET_KEY];
  if (isSecret(stored)) {
    ctx.io.secrets.add(stored);
    return { secret: stored, created: false, profile: cfg.profile };
  }
  // Written only if the file still has none: of two first runs at once, both use the one that landed.
  const fresh = newForwardingSecret();
  ctx.io.secrets.add(fresh);
  await cfg.store.update(cfg.profile, FORWARDING_SECRET_KEY, (current) => (isSecret(current) ? current : fresh));
  const secret = cfg.store.profile(cfg.profile)[FORWARDING_SECRET_KEY] as string;
  ctx.io.secrets.add(secret);
  return { secret, created: secret === fresh, profile: cfg.profile };
}
