// `ycp balance --min AMOUNT`: a CI gate for prepaid partners. The amount is the account's (GET /balance,
// CONTRACT §4), in its own currency; --min is compared in that currency.
import { usageError } from './errors.js';
import { t, type Lang } from '../i18n/index.js';

/** A non-negative decimal amount, e.g. 50 or 12.5; anything else is exit 2. */
export function parseAmount(raw: string, lang: Lang): number {
  const v = raw.trim();
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(v)) throw usageError(t(lang, 'bal.badAmount', { value: raw.length > 30 ? `${raw.slice(0, 27)}...` : raw }), t(lang, 'bal.badAmountHint'));
  return Number(v);
}

/** The amount as people read money: two decimals at least, more only when they matter. */
export function formatAmount(amount: number): string {
  const fixed = amount.toFixed(2);
  return Number(fixed) === amount ? fixed : String(amount);
}
