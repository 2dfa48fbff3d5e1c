// Reading whole lists. CONTRACT §3: `page` is 1-based and capped at 100 and `limit` at 100, so one filter
// reaches at most 10,000 items. A list that fills page 100 may have more: the walker never stops there
// silently. A reader that knows how to split the list (per WABA through `filter.wabaId`) walks each part;
// one that cannot, or a part that is itself still full at page 100, fails naming the request (exit 1).
//
// Parts are fetched a few at a time (READ_CONCURRENCY) and every request of one read is paced to at most
// READ_RATE_PER_S, far under YCloud's management quota (200 requests/s and 10,000/h, shared by every
// management call of the account, CONTRACT §2). The read's requests share its deadline.
import type { Clock } from '../clock.js';
import type { Deadline } from '../deadline.js';
import { YcpError } from '../errors.js';
import { t, type Lang } from '../../i18n/index.js';
import type { Page } from './types.js';

export const MAX_PAGE = 100;
export const MAX_LIMIT = 100;
/** Items reachable through one filter (CONTRACT §3). */
export const LIST_CAP = MAX_PAGE * MAX_LIMIT;
/** How many parts of a split read are walked at once. */
export const READ_CONCURRENCY = 4;
/** At most this many list requests per second within one read (a quarter of YCloud's 200/s). */
export const READ_RATE_PER_S = 50;

export type Query = Record<string, string | number | boolean | undefined>;

/** Thrown by `paginate` when page 100 comes back full: the list may go on where YCloud cannot page. */
export class ListCapReached extends Error {
  constructor() {
    super(`the list filled page ${MAX_PAGE} (${LIST_CAP} items), YCloud's last page`);
  }
}

/**
 * Fetches `page` first..100 while pages are full (their `length`, or else their items, reaches `size`);
 * throws ListCapReached when page 100 is full too. One rule for the typed lists and `ycp api --paginate`.
 */
export async function* pages<P extends { items: readonly unknown[] }>(
  fetchPage: (page: number) => Promise<P>,
  size: number,
  lengthOf: (page: P) => unknown,
  first = 1,
): AsyncGenerator<P> {
  for (let n = first; n <= MAX_PAGE; n++) {
    const page = await fetchPage(n);
    yield page;
    const length = lengthOf(page);
    if ((typeof length === 'number' ? length : page.items.length) < size || page.items.length === 0) return;
  }
  throw new ListCapReached();
}

/** The items of `page` 1..100 (see `pages`). */
export async function* paginate<T>(fetchPage: (page: number, limit: number) => Promise<Page<T>>, limit = MAX_LIMIT): AsyncGenerator<T> {
  const size = Math.min(Math.max(1, limit), MAX_LIMIT);
  const fetch = async (n: number) => {
    const res = await fetchPage(n, size);
    return { items: Array.isArray(res.items) ? res.items : [], length: res.length };
  };
  for await (const page of pages(fetch, size, (p) => p.length)) yield* page.items;
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/**
 * Spaces the requests of one read at least 1000/ratePerS ms apart, however many parts run at once. A
 * wait that would outlast the deadline is cut short: the request then fails with the deadline's error.
 */
export function createPacer(clock: Clock, signal: AbortSignal, o: { ratePerS?: number; deadline?: Deadline } = {}): () => Promise<void> {
  const gap = 1000 / (o.ratePerS ?? READ_RATE_PER_S);
  let next = -Infinity;
  return async () => {
    const now = clock.now();
    const at = Math.max(now, next);
    next = at + gap;
    const wait = Math.min(at - now, o.deadline?.remaining() ?? Infinity);
    if (wait > 0) await clock.sleep(Math.ceil(wait), signal);
  };
}

/** Runs `fn` over `items`, at most `limit` at a time, results in input order; the first failure wins. */
export async function mapLimit<A, B>(items: readonly A[], limit: number, fn: (item: A) => Promise<B>): Promise<B[]> {
  const out: B[] = new Array(items.length);
  let next = 0;
  let failed: { err: unknown } | undefined;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (err) {
        failed ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed) throw failed.err;
  return out;
}

export interface ReadListOptions<T> {
  /** GET one page of `path` with this query. */
  fetch(query: Query, page: number, limit: number): Promise<Page<T>>;
  /** The list's path (`/whatsapp/phoneNumbers`), for the error that names the filter. */
  path: string;
  query: Query;
  /** The values of `filter.wabaId` to split a full list by (used only when the query has none). */
  splitByWaba?: () => Promise<string[]>;
  pace?: () => Promise<void>;
  concurrency?: number;
  lang?: Lang;
}

/** Every item of a list, split per WABA when one filter cannot reach them all. */
export async function readList<T>(o: ReadListOptions<T>): Promise<T[]> {
  const walk = (query: Query) =>
    collect(
      paginate<T>(async (page, limit) => {
        await o.pace?.();
        return o.fetch(query, page, limit);
      }),
    ).catch((err: unknown) => {
      throw err instanceof ListCapReached ? capError(o.lang, o.path, query, err) : err;
    });
  const canSplit = o.splitByWaba !== undefined && o.query['filter.wabaId'] === undefined;
  try {
    return await walk(o.query);
  } catch (err) {
    if (!canSplit || !(err instanceof YcpError && err.info.code === 'LIST_CAP_REACHED')) throw err;
  }
  const wabaIds = await o.splitByWaba!();
  const parts = await mapLimit(wabaIds, o.concurrency ?? READ_CONCURRENCY, (wabaId) => walk({ ...o.query, 'filter.wabaId': wabaId }));
  return parts.flat();
}

/** A request that names the filter: `GET /whatsapp/phoneNumbers?filter.wabaId=1` or `… (no filter)`. */
function describeRequest(path: string, query: Query): string {
  const q = Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`);
  return q.length ? `GET ${path}?${q.join('&')}` : `GET ${path}`;
}

/** The error of a list that cannot be read whole (exit 1), in the user's language. */
export function capError(lang: Lang | undefined, path: string, query: Query, cause?: unknown): YcpError {
  const request = describeRequest(path, query);
  const filtered = Object.keys(query).some((k) => k.startsWith('filter.') && query[k] !== undefined);
  return new YcpError('api', t(lang, 'api.capReached', { request, cap: LIST_CAP.toLocaleString('en-US') }), {
    code: 'LIST_CAP_REACHED',
    hint: t(lang, filtered ? 'api.capHintNarrow' : 'api.capHintFilter'),
    details: { path, query, cap: LIST_CAP },
    cause,
  });
}
