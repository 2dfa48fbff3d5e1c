import type { Ctx } from '../../core/context.js';
import { usageError } from '../../core/errors.js';
import { formatFields, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function messageGet(ctx: Ctx, o: GlobalOpts & { id: string }): Promise<void> {
  if (!/^[A-Za-z0-9_.:=-]{1,128}$/.test(o.id)) throw usageError(`invalid message ID "${o.id}"`);
  const api = await ctx.api();
  const m = await api.getMessage(o.id);
  render(ctx.io, o, m, () =>
    formatFields(ctx.io, [
      ['status', m.status],
      ['id', m.id],
      ['wamid', m.wamid],
      ['from', m.from],
      ['to', m.to],
      ['type', m.type],
      ['error code', m.errorCode],
      ['error', m.errorMessage],
      ['created', m.createTime],
      ['updated', m.updateTime],
    ]),
  );
}
