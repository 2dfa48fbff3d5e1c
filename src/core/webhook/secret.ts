import type { Ctx } from '../context.js';
import { forwardingSecret } from './forwarding-secret.js';

/**
 * The secret `webhook trigger` / `replay` sign with: --secret, else YCLOUD_WEBHOOK_SECRET (an env var keeps
 * it out of shell history), else the profile's forwarding secret, the one `listen --forward-to` signs
 * with, so an app set up for `listen` accepts them too.
 */
export async function signingSecret(ctx: Pick<Ctx, 'config' | 'io' | 'env'>, flag: string | undefined): Promise<{ secret: string; source: 'flag' | 'env' | 'forwarding'; profile?: string }> {
  const s = flag ?? ctx.env.YCLOUD_WEBHOOK_SECRET;
  if (s) {
    ctx.io.secrets.add(s);
    return { secret: s, source: flag ? 'flag' : 'env' };
  }
  const f = await forwardingSecret(ctx);
  return { secret: f.secret, source: 'forwarding', profile: f.profile };
}
