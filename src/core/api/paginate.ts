import type { Page } from './types.js';

/** CONTRACT §3: `page` is 1-based and capped at 100; walk while a page is full. */
export const MAX_PAGE = 100;
export const MAX_LIMIT = 100;

export async function* paginate<T>(
  fetchPage: (page: number, limit: number) => Promise<Page<T>>,
  limit = MAX_LIMIT,
): AsyncGenerator<T> {
  const size = Math.min(Math.max(1, limit), MAX_LIMIT);
  for (let page = 1; page <= MAX_PAGE; page++) {
    const res = await fetchPage(page, size);
    const items = Array.isArray(res.items) ? res.items : [];
    yield* items;
    const length = typeof res.length === 'number' ? res.length : items.length;
    if (length < size || items.length === 0) return;
  }
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
