import type { Ctx } from '../../../core/context.js';
import type { WebhookEndpoint } from '../../../core/api/types.js';
import { mask } from '../../../ui/format.js';
import { t } from '../../../i18n/index.js';
import { formatFields, render } from '../../../ui/render.js';

/** An endpoint with its secret masked unless asked (CLI.md §7), in JSON too. */
export function shownEndpoint(e: WebhookEndpoint, showSecret?: boolean): WebhookEndpoint {
  return e.secret && !showSecret ? { ...e, secret: mask(e.secret) } : e;
}

/**
 * An endpoint's secret is shown in full only when asked for by name (--show-secret, which also lifts the
 * output redaction for it); otherwise it is one more secret of this run, masked wherever it turns up.
 */
export function knowSecret(ctx: Ctx, e: WebhookEndpoint, showSecret?: boolean): void {
  if (e.secret) (showSecret ? ctx.io.secrets.reveal(e.secret) : ctx.io.secrets.add(e.secret));
}

export function renderEndpoint(ctx: Ctx, o: { json?: boolean; showSecret?: boolean }, e: WebhookEndpoint): void {
  knowSecret(ctx, e, o.showSecret);
  const shown = shownEndpoint(e, o.showSecret);
  const l = ctx.io.lang;
  render(ctx.io, o, shown, (x) =>
    formatFields(ctx.io, [
      [t(l, 'hooks.fieldId'), x.id],
      [t(l, 'hooks.fieldUrl'), x.url],
      [t(l, 'hooks.fieldStatus'), x.status],
      [t(l, 'hooks.fieldEvents'), (x.enabledEvents ?? []).join(',')],
      [t(l, 'hooks.fieldDescription'), x.description],
      [t(l, 'hooks.fieldSecret'), x.secret],
      [t(l, 'hooks.fieldCreated'), x.createTime],
    ]),
  );
}
