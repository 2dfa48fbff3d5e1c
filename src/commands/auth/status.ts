import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { mask } from '../../ui/format.js';
import { formatFields, render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export async function authStatus(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const cfg = await ctx.config();
  const key = cfg.settings.apiKey;
  const base = { profile: cfg.profile, baseUrl: cfg.get('baseUrl'), key: key.value ? mask(key.value) : undefined, source: key.from ?? key.source };
  if (!key.value) {
    throw new YcpError('auth', `no API key is set for profile "${cfg.profile}"`, { hint: 'run `ycp login` or set YCLOUD_API_KEY' });
  }
  let valid = false;
  let requestId: string | undefined;
  let problem: YcpError | undefined;
  try {
    const api = await ctx.api();
    const res = await api.call('GET', '/balance', { what: 'check the API key' });
    valid = true;
    requestId = res.requestId;
  } catch (err) {
    if (!(err instanceof YcpError) || (err.kind !== 'auth' && err.kind !== 'network' && err.kind !== 'api')) throw err;
    problem = err;
    requestId = err.info.requestId;
  }
  if (problem) {
    throw new YcpError(problem.kind, `key ${base.key} (from ${base.source}, profile "${cfg.profile}"): ${problem.message}`, problem.info);
  }
  const result = { ...base, valid, requestId };
  render(ctx.io, o, result, (r) =>
    formatFields(ctx.io, [
      ['profile', r.profile],
      ['key', r.key],
      ['source', r.source],
      ['base url', r.baseUrl],
      ['valid', 'yes'],
      ['request id', r.requestId],
    ]),
  );
}
