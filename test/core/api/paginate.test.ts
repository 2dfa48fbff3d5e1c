import { describe, expect, test } from 'vitest';
import { collect, paginate } from '../../../src/core/api/paginate.js';

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

  test('never asks past page 100 (CONTRACT §3: 10,000 items per filter)', async () => {
    const all = await collect(paginate((page, limit) => Promise.resolve(pageOf(20_000, limit, page))));
    expect(all).toHaveLength(10_000);
  });

  test('limit is clamped to 1..100', async () => {
    const limits: number[] = [];
    await collect(paginate((page, limit) => (limits.push(limit), Promise.resolve(pageOf(0, limit, page))), 500));
    expect(limits).toEqual([100]);
  });
});
