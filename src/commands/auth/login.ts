import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { apiClient } from '../../core/api/from-ctx.js';
import { readAll } from '../../core/stdin.js';
import { mask, success, warn } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export interface AuthLoginOptions extends GlobalOpts {
  withKey?: boolean;
}

export async function authLogin(ctx: Ctx, o: AuthLoginOptions): Promise<void> {
  const cfg = await ctx.config();
  let key: string;
  if (o.withKey || !ctx.io.canPrompt) {
    if (!o.withKey && !ctx.io.canPrompt) throw usageError('--with-key is required when not interactive', 'pipe the key in: `ycp login --with-key < key.txt`');
    key = (await readAll(ctx.io.stdin, ctx.signal)).trim();
  } else {
    key = (
      await ctx.prompt.password({
        message: 'YCloud API key (YCloud console > Developers > API keys)',
        flag: '--with-key',
        validate: (v) => (v.trim().length >= 8 ? true : 'that does not look like an API key'),
      })
    ).trim();
  }
  ctx.io.secrets.add(key); // before anything can fail: a server may echo it in its error
  if (!key) throw usageError('no API key was given on stdin');
  if (/\s/.test(key)) throw usageError('the API key must not contain spaces or line breaks');
  // Verify before saving: a wrong key stored now would fail later, far from its cause.
  const api = await apiClient(ctx, { purpose: 'operation', apiKey: key });
  const balance = await api.balance().catch((err) => {
    if (err instanceof YcpError && err.kind === 'auth') {
      throw new YcpError('auth', 'YCloud rejected that API key; nothing was saved', { ...err.info, hint: 'copy the key again from the YCloud console (Developers > API keys)' });
    }
    throw err;
  });
  await cfg.store.set(cfg.profile, 'apiKey', key);
  if (cfg.settings.apiKey.source === 'env') warn(ctx.io, 'YCLOUD_API_KEY is set in this shell and takes precedence over the stored key');
  const result = { profile: cfg.profile, key: mask(key), verified: true, balance, configPath: cfg.store.path };
  render(ctx.io, o, result, () => {
    success(ctx.io, `Logged in: profile "${cfg.profile}", key ${mask(key)}${balance ? `, balance ${balance.amount} ${balance.currency}` : ''}`);
    return '';
  });
}
