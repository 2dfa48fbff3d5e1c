import type { Ctx } from '../../core/context.js';
import { formatAmount, parseAmount } from '../../core/balance.js';
import { YcpError } from '../../core/errors.js';
import { t } from '../../i18n/index.js';
import { printable, say } from '../../ui/format.js';
import { formatFields, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function balanceGet(ctx: Ctx, o: GlobalOpts & { min?: string }): Promise<void> {
  const lang = (await ctx.config()).lang;
  const min = o.min === undefined ? undefined : parseAmount(o.min, lang); // before any request
  const b = await (await ctx.api()).balance();
  const amount = formatAmount(b.amount);
  const ok = min === undefined || b.amount >= min;
  const doc = { amount: b.amount, currency: b.currency, ...(min !== undefined ? { min, ok } : {}) };
  const human = () =>
    ctx.io.stdoutTTY
      ? formatFields(ctx.io, [[t(lang, 'bal.f.amount'), amount], [t(lang, 'bal.f.currency'), b.currency]])
      : `${amount}\t${printable(String(b.currency))}\n`;
  if (ok) {
    render(ctx.io, o, doc, () => {
      if (min !== undefined) say(ctx.io, t(lang, 'bal.ok', { amount, currency: b.currency, min: formatAmount(min) }));
      return human();
    });
    return;
  }
  if (!o.json) ctx.io.stdout.write(human());
  throw new YcpError('pending', t(lang, 'bal.below', { amount, currency: b.currency, min: formatAmount(min!) }), { code: 'BALANCE_BELOW_MIN', hint: t(lang, 'bal.belowHint'), details: doc });
}
