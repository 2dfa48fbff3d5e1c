import type { Ctx } from '../../../core/context.js';
import type { WebhookEndpoint } from '../../../core/api/types.js';
import { mask } from '../../../ui/format.js';
import { formatFields, render } from '../../../ui/render.js';

/** An endpoint with its secret masked unless asked (CLI.md §7), in JSON too. */
export function shownEndpoint(e: WebhookEndpoint, showSecret?: boolean): WebhookEndpoint {
  return e.secret && !showSecret ? { ...e, secret: mask(e.secret) } : e;
}

export function renderEndpoint(ctx: Ctx, o: { json?: boolean; showSecret?: boolean }, e: WebhookEndpoint): void {
  if (o.showSecret && e.secret) ctx.io.secrets.reveal(e.secret); // asked for by name: not masked
  const shown = shownEndpoint(e, o.showSecret);
  render(ctx.io, o, shown, (x) =>
    formatFields(ctx.io, [
      ['id', x.id],
      ['url', x.url],
      ['status', x.status],
      ['events', (x.enabledEvents ?? []).join(',')],
      ['description', x.description],
      ['secret', x.secret],
      ['created', x.createTime],
    ]),
  );
}
