import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { msg, t } from '../../i18n/index.js';
import { mask } from '../../ui/format.js';
import { formatFields, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function authStatus(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const cfg = await ctx.config();
  const l = ctx.io.lang;
  const key = cfg.settings.apiKey;
  const base = { profile: cfg.profile, baseUrl: cfg.get('baseUrl'), key: key.value ? mask(key.value) : undefined, source: key.from ?? key.source };
  if (!key.value) {
    throw new YcpError('auth', msg('account.noKey', { profile: cfg.profile }), { hint: msg('account.noKeyHint') });
  }
  let valid = false;
  let requestId: string | undefined;
  let problem: YcpError | undefined;
  try {
    const api = await ctx.api();
    const res = await api.call('GET', '/balance', { what: msg('http.whatCheckKey') });
    valid = true;
    requestId = res.requestId;
  } catch (err) {
    if (!(err instanceof YcpError) || (err.kind !== 'auth' && err.kind !== 'network' && err.kind !== 'api')) throw err;
    problem = err;
    requestId = err.info.requestId;
  }
  if (problem) {
    throw new YcpError(problem.kind, msg('account.keyProblem', { key: base.key!, source: base.source, profile: cfg.profile, problem: problem.words }), problem.input);
  }
  const result = { ...base, valid, requestId };
  render(ctx.io, o, result, (r) =>
    formatFields(ctx.io, [
      [t(l, 'account.fieldProfile'), r.profile],
      [t(l, 'account.fieldKey'), r.key],
      [t(l, 'account.fieldSource'), r.source],
      [t(l, 'account.fieldBaseUrl'), r.baseUrl],
      [t(l, 'account.fieldValid'), t(l, 'cli.yes')],
      [t(l, 'account.fieldRequestId'), r.requestId],
    ]),
  );
}
