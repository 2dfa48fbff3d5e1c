import type { Ctx } from '../../../core/context.js';
import { t } from '../../../i18n/index.js';
import { say } from '../../../ui/format.js';
import type { GlobalOpts } from '../../shared.js';
import { renderEndpoint } from './output.js';

/** One endpoint; its signing secret masked unless --show-secret (what the partner's app verifies deliveries with). */
export async function webhookEndpointShow(ctx: Ctx, o: GlobalOpts & { id: string; showSecret?: boolean }): Promise<void> {
  const api = await ctx.api();
  const e = await api.getWebhookEndpoint(o.id);
  renderEndpoint(ctx, o, e);
  // CONTRACT gaps: whether YCloud returns the secret on a read is not documented.
  if (!e.secret && !o.json) say(ctx.io, t((await ctx.config()).lang, 'ep.noSecret', { id: o.id }));
}
