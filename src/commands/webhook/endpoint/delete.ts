import type { Ctx } from '../../../core/context.js';
import { forgetEndpoint } from '../../../core/webhook/endpoints.js';
import { t } from '../../../i18n/index.js';
import { success } from '../../../ui/format.js';
import { confirmAction, type GlobalOpts } from '../../shared.js';
import { renderEndpoint } from './output.js';

export async function webhookEndpointDelete(ctx: Ctx, o: GlobalOpts & { id: string }): Promise<void> {
  await confirmAction(ctx, o, t(ctx.io.lang, 'hooks.confirmDelete', { id: o.id }));
  const api = await ctx.api();
  const e = await api.deleteWebhookEndpoint(o.id);
  await forgetEndpoint(ctx, o.id);
  if (!o.json) success(ctx.io, t(ctx.io.lang, 'hooks.endpointDeleted', { id: o.id }));
  renderEndpoint(ctx, o, e);
}
