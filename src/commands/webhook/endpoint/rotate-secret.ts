import type { Ctx } from '../../../core/context.js';
import { success, warn } from '../../../ui/format.js';
import type { GlobalOpts } from '../../shared.js';
import { renderEndpoint } from './output.js';

export async function webhookEndpointRotateSecret(ctx: Ctx, o: GlobalOpts & { id: string; showSecret?: boolean }): Promise<void> {
  const api = await ctx.api();
  const e = await api.rotateWebhookSecret(o.id);
  if (!o.json) {
    success(ctx.io, `Rotated the secret of webhook endpoint ${o.id}`);
    // CONTRACT §12: no documented grace period for the old secret.
    warn(ctx.io, 'YCloud documents no grace period: update your app now; verify with both secrets during the switch');
  }
  renderEndpoint(ctx, o, e);
}
