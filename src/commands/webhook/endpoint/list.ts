import type { Ctx } from '../../../core/context.js';
import { t } from '../../../i18n/index.js';
import { render } from '../../../ui/render.js';
import { formatTable, statusColor } from '../../../ui/table.js';
import type { GlobalOpts } from '../../shared.js';
import { knowSecret, shownEndpoint } from './output.js';

export async function webhookEndpointList(ctx: Ctx, o: GlobalOpts & { showSecret?: boolean }): Promise<void> {
  const api = await ctx.api();
  const rows = (await api.listWebhookEndpoints()).map((e) => (knowSecret(ctx, e, o.showSecret), shownEndpoint(e, o.showSecret)));
  const l = ctx.io.lang;
  render(ctx.io, o, rows, (r) =>
    formatTable(
      ctx.io,
      r,
      [
        { header: t(l, 'hooks.fieldId'), get: (e) => e.id },
        { header: t(l, 'hooks.fieldStatus'), get: (e) => e.status, color: statusColor },
        { header: t(l, 'hooks.fieldUrl'), get: (e) => e.url },
        { header: t(l, 'hooks.fieldEvents'), get: (e) => e.enabledEvents?.length ?? 0 },
        { header: t(l, 'hooks.fieldSecret'), get: (e) => e.secret },
        { header: t(l, 'hooks.fieldCreated'), get: (e) => e.createTime, time: true },
        { header: t(l, 'hooks.fieldDescription'), get: (e) => e.description },
      ],
      ctx.clock.now(),
    ),
  );
}
