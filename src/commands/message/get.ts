import type { Ctx } from '../../core/context.js';
import { usageError } from '../../core/errors.js';
import { msg, t } from '../../i18n/index.js';
import { formatFields, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function messageGet(ctx: Ctx, o: GlobalOpts & { id: string }): Promise<void> {
  if (!/^[A-Za-z0-9_.:=-]{1,128}$/.test(o.id)) throw usageError(msg('messages.badId', { id: o.id }), msg('messages.badIdHint'));
  const api = await ctx.api();
  const m = await api.getMessage(o.id);
  const l = ctx.io.lang;
  render(ctx.io, o, m, () =>
    formatFields(ctx.io, [
      [t(l, 'messages.fieldStatus'), m.status],
      [t(l, 'messages.fieldId'), m.id],
      [t(l, 'messages.fieldWamid'), m.wamid],
      [t(l, 'messages.fieldFrom'), m.from],
      [t(l, 'messages.fieldTo'), m.to],
      [t(l, 'messages.fieldType'), m.type],
      [t(l, 'messages.fieldErrorCode'), m.errorCode],
      [t(l, 'messages.fieldError'), m.errorMessage],
      [t(l, 'messages.fieldCreated'), m.createTime],
      [t(l, 'messages.fieldUpdated'), m.updateTime],
    ]),
  );
}
