import { loadLang } from '../../../src/i18n/index.js';
import { describe, expect, test } from 'vitest';
import { LIST_CAP, ListCapReached, collect, createPacer, mapLimit, paginate, readList, type Query } from '../../../src/core/api/paginate.js';
import { YcpError } from '../../../src/core/errors.js';
import { createFakeClock } from '../../helpers/fake-clock.js';

const pageOf = (n: number, limit: number, page: number) => ({
  offset: (page - 1) * limit,
  limit,
  length: Math.max(0, Math.min(limit, n - (page - 1) * limit)),
  items: Array.from({ length: Math.max(0, Math.min(limit, n - (page - 1) * limit)) }, (_, i) => (page - 1) * limit + i),
});

describe('paginate', () => {
  test('walks while a page is full and stops on a short page', async () => {
    const calls: number[] = [];
    const all = await collect(paginate((page, limit) => (calls.push(page), Promise.resolve(pageOf(250, limit, page)))));
    expect(all).toHaveLength(250);
    expect(calls).toEqual([1, 2, 3]);
  });

  test('an exactly full last page costs one empty request', async () => {
    const calls: number[] = [];
    await collect(paginate((page, limit) => (calls.push(page), Promise.resolve(pageOf(200, limit, page)))));
    expect(calls).toEqual([1, 2, 3]);
  });

  // Found (issue 13): the walker stopped at page 100 and returned 10,000 items as if that were all.
  test('a full page 100 is never taken for the end of the list: it throws, having asked nothing past page 100', async () => {
    const calls: number[] = [];
    const read = collect(paginate((page, limit) => (calls.push(page), Promise.resolve(pageOf(20_000, limit, page)))));
    await expect(read).rejects.toBeInstanceOf(ListCapReached);
    expect(calls).toHaveLength(100);
    expect(calls.at(-1)).toBe(100);
    // exactly 10,000 items: page 100 is full, and YCloud cannot say whether more follow
    await expect(collect(paginate((page, limit) => Promise.resolve(pageOf(LIST_CAP, limit, page))))).rejects.toBeInstanceOf(ListCapReached);
    expect(await collect(paginate((page, limit) => Promise.resolve(pageOf(LIST_CAP - 1, limit, page))))).toHaveLength(LIST_CAP - 1);
  });

  test('limit is clamped to 1..100', async () => {
    const limits: number[] = [];
    await collect(paginate((page, limit) => (limits.push(limit), Promise.resolve(pageOf(0, limit, page))), 500));
    expect(limits).toEqual([100]);
  });
});

describe('readList: past 10,000 items, one part per WABA', () => {
  /** A fake list: `sizes[wabaId]` items per WABA; unfiltered, all of them in WABA order. */
  function source(sizes: Record<string, number>) {
    const requests: Query[] = [];
    const items = (q: Query) =>
      Object.entries(sizes).flatMap(([w, n]) => (q['filter.wabaId'] === undefined || q['filter.wabaId'] === w ? Array.from({ length: n }, (_, i) => `${w}:${i}`) : []));
    return {
      requests,
      fetch: async (q: Query, page: number, limit: number) => {
        requests.push({ ...q, page });
        const all = items(q);
        const slice = all.slice((page - 1) * limit, page * limit);
        return { offset: (page - 1) * limit, limit, length: slice.length, items: slice };
      },
    };
  }

  test('a list under the cap is one walk, never split', async () => {
    const s = source({ w1: 150, w2: 100 });
    const all = await readList({ fetch: s.fetch, path: '/whatsapp/phoneNumbers', query: {}, splitByWaba: async () => ['w1', 'w2'] });
    expect(all).toHaveLength(250);
    expect(s.requests.every((q) => q['filter.wabaId'] === undefined)).toBe(true);
  });

  test('a list that fills page 100 is read again per WABA, every item once, in WABA order', async () => {
    const s = source({ w1: 6_000, w2: 4_050, w3: 1 });
    const all = await readList({ fetch: s.fetch, path: '/whatsapp/phoneNumbers', query: {}, splitByWaba: async () => ['w1', 'w2', 'w3'] });
    expect(all).toHaveLength(10_051);
    expect(new Set(all).size).toBe(10_051);
    expect(all.slice(5_999, 6_001)).toEqual(['w1:5999', 'w2:0']);
    // 100 pages unfiltered, then 61 (60 full and an empty one) + 41 + 1 filtered
    expect(s.requests.filter((q) => q['filter.wabaId'] === undefined)).toHaveLength(100);
    expect(s.requests.filter((q) => q['filter.wabaId'] !== undefined)).toHaveLength(103);
  });

  test('a part that still fills page 100 fails naming its filter, and nothing partial comes back', async () => {
    const s = source({ w1: 10_000, w2: 5 });
    const err = await readList({ fetch: s.fetch, path: '/whatsapp/phoneNumbers', query: {}, splitByWaba: async () => ['w1', 'w2'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(YcpError);
    expect(err).toMatchObject({ kind: 'api', info: { code: 'LIST_CAP_REACHED', details: { query: { 'filter.wabaId': 'w1' } } } });
    expect((err as Error).message).toBe("GET /whatsapp/phoneNumbers?filter.wabaId=w1 has 10,000 items or more: YCloud pages stop at page 100, so the rest cannot be read");
  });

  test('a list that cannot be split (or already filtered by WABA) fails at the cap, in the user\'s language', async () => {
    const s = source({ w1: 12_000 });
    await expect(readList({ fetch: s.fetch, path: '/webhookEndpoints', query: {} })).rejects.toMatchObject({ info: { code: 'LIST_CAP_REACHED' } });
    await loadLang('zh-CN'); // run() does this once the language is decided
    const zh = await readList({ fetch: s.fetch, path: '/whatsapp/phoneNumbers', query: { 'filter.wabaId': 'w1' }, splitByWaba: async () => ['w1'], lang: 'zh-CN' }).catch((e: Error) => e);
    expect((zh as YcpError).message).toBe('GET /whatsapp/phoneNumbers?filter.wabaId=w1 有 10,000 条或更多：YCloud 的分页到第 100 页为止，其余的读不到');
  });
});

describe('bounded concurrency and pace', () => {
  test('mapLimit never runs more than the limit at once, keeps the order, and stops starting work after a failure', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(peak).toBe(3);
    const started: number[] = [];
    await expect(mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('boom');
      await new Promise((r) => setTimeout(r, 5));
    })).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(6);
  });

  test('the pacer spaces requests 1000/rate ms apart on the clock, and never sleeps past the deadline', async () => {
    const clock = createFakeClock();
    const pace = createPacer(clock, new AbortController().signal, { ratePerS: 50 });
    const at: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pace();
      at.push(clock.elapsed());
    }
    expect(at).toEqual([0, 20, 40, 60, 80]);
    const short = createPacer(clock, new AbortController().signal, { ratePerS: 0.1, deadline: { remaining: () => 3 } as never });
    await short();
    const before = clock.elapsed();
    await short();
    expect(clock.elapsed() - before).toBe(3);
  });
});
