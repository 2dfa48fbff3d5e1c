// `ycp api`: sending the prepared request through the same client as every command (key, User-Agent,
// deadline, retries of GETs only, request id in errors), and `--paginate`: every page of a page/limit list
// (stopping with an error where YCloud's 100-page cap would cut it short), or every cursor of a cursor
// list (`pageAfter` ← `cursor.after`).
import type { Clock } from '../clock.js';
import { YcpError } from '../errors.js';
import { t, type Lang } from '../../i18n/index.js';
import type { ApiResult, YcloudApi } from './client.js';
import { ListCapReached, MAX_LIMIT, capError, createPacer, pages, type Query } from './paginate.js';
import type { RawRequest } from './raw-request.js';

export type RawPage = ApiResult<unknown> & { items: unknown[] };

export function sendRaw(api: Pick<YcloudApi, 'call'>, r: RawRequest): Promise<ApiResult<unknown>> {
  return api.call<unknown>(r.method, r.path, { query: r.query, body: r.body, what: `${r.method} ${r.path}` });
}

/** Every page of the list `r` names, as it arrives (one deadline: the command's). */
export async function* walkRaw(api: Pick<YcloudApi, 'call'>, r: RawRequest, o: { clock: Clock; signal: AbortSignal; lang: Lang }): AsyncGenerator<RawPage> {
  const pace = createPacer(o.clock, o.signal);
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number(r.query.limit ?? MAX_LIMIT) || MAX_LIMIT));
  const get = async (query: Query): Promise<RawPage> => {
    await pace();
    const res = await api.call<unknown>('GET', r.path, { query, what: `GET ${r.path}` });
    const items = (res.body as { items?: unknown })?.items;
    return { ...res, items: Array.isArray(items) ? items : [] };
  };
  if (r.paging === 'cursor') {
    const seen = new Set<string>();
    let query: Query = { ...r.query, limit };
    for (;;) {
      const page = await get(query);
      yield page;
      const after = (page.body as { cursor?: { after?: unknown } })?.cursor?.after;
      if (typeof after !== 'string' || after === '' || page.items.length === 0) return;
      if (seen.has(after)) throw new YcpError('api', t(o.lang, 'api.cursorLoop', { cursor: after }), { code: 'CURSOR_LOOP' });
      seen.add(after);
      query = { ...query, pageAfter: after };
    }
  }
  const first = Math.max(1, Number(r.query.page ?? 1) || 1);
  try {
    yield* pages((n) => get({ ...r.query, page: n, limit }), limit, (page) => (page.body as { length?: unknown })?.length, first);
  } catch (err) {
    throw err instanceof ListCapReached ? capError(o.lang, r.path, r.query) : err;
  }
}
