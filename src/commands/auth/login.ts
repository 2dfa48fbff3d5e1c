import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { apiClient } from '../../core/api/from-ctx.js';
import { readAll } from '../../core/stdin.js';
import { msg, t } from '../../i18n/index.js';
import { mask, success, warn } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export interface AuthLoginOptions extends GlobalOpts {
  withKey?: boolean;
}

export async function authLogin(ctx: Ctx, o: AuthLoginOptions): Promise<void> {
  const cfg = await ctx.config();
  const l = ctx.io.lang;
  let key: string;
  if (o.withKey || !ctx.io.canPrompt) {
    if (!o.withKey && !ctx.io.canPrompt) throw usageError(msg('account.withKeyNeeded'), msg('account.withKeyHint'));
    key = (await readAll(ctx.io.stdin, ctx.signal)).trim();
  } else {
    key = (
      await ctx.prompt.password({
        message: t(l, 'account.keyPrompt'),
        flag: '--with-key',
        validate: (v) => (v.trim().length >= 8 ? true : t(l, 'account.notAKey')),
      })
    ).trim();
  }
  ctx.io.secrets.add(key); // before anything can fail: a server may echo it in its error
  if (!key) throw usageError(msg('account.noKeyOnStdin'));
  if (/\s/.test(key)) throw usageError(msg('account.keySpaces'));
  // Verify before saving: a wrong key stored now would fail later, far from its cause.
  const api = await apiClient(ctx, { purpose: 'operation', apiKey: key });
  const balance = await api.balance().catch((err) => {
    if (err instanceof YcpError && err.kind === 'auth') {
      throw new YcpError('auth', msg('account.keyRejected'), { ...err.info, hint: msg('account.keyRejectedHint') });
    }
    throw err;
  });
  await cfg.store.set(cfg.profile, 'apiKey', key);
  if (cfg.settings.apiKey.source === 'env') warn(ctx.io, t(l, 'account.envWins'));
  const result = { profile: cfg.profile, key: mask(key), verified: true, balance, configPath: cfg.store.path };
  render(ctx.io, o, result, () => {
    const who = { profile: cfg.profile, key: mask(key) };
    success(ctx.io, balance ? t(l, 'account.loggedInBalance', { ...who, amount: balance.amount, currency: balance.currency }) : t(l, 'account.loggedIn', who));
    return '';
  });
}
