import type { Ctx } from '../../../core/context.js';
import { render } from '../../../ui/render.js';
import { formatTable, statusColor } from '../../../ui/table.js';
import type { GlobalOpts } from '../../shared.js';
import { knowSecret, shownEndpoint } from './output.js';

export async function webhookEndpointList(ctx: Ctx, o: GlobalOpts & { showSecret?: boolean }): Promise<void> {
  const api = await ctx.api();
  const rows = (await api.listWebhookEndpoints()).map((e) => (knowSecret(ctx, e, o.showSecret), shownEndpoint(e, o.showSecret)));
  render(ctx.io, o, rows, (r) =>
    formatTable(
      ctx.io,
      r,
      [
        { header: 'id', get: (e) => e.id },
        { header: 'status', get: (e) => e.status, color: statusColor },
        { header: 'url', get: (e) => e.url },
        { header: 'events', get: (e) => e.enabledEvents?.length ?? 0 },
        { header: 'secret', get: (e) => e.secret },
        { header: 'created', get: (e) => e.createTime, time: true },
        { header: 'description', get: (e) => e.description },
      ],
      ctx.clock.now(),
    ),
  );
}
