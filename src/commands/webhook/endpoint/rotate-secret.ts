import type { Ctx } from '../../../core/context.js';
import { t } from '../../../i18n/index.js';
import { success, warn } from '../../../ui/format.js';
import type { GlobalOpts } from '../../shared.js';
import { renderEndpoint } from './output.js';

export async function webhookEndpointRotateSecret(ctx: Ctx, o: GlobalOpts & { id: string; showSecret?: boolean }): Promise<void> {
  const api = await ctx.api();
  const e = await api.rotateWebhookSecret(o.id);
  if (!o.json) {
    success(ctx.io, t(ctx.io.lang, 'hooks.rotated', { id: o.id }));
    // CONTRACT §12: no documented grace period for the old secret.
    warn(ctx.io, t(ctx.io.lang, 'hooks.noGrace'));
  }
  renderEndpoint(ctx, o, e);
}
