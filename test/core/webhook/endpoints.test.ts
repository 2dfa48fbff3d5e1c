// The endpoints `webhook listen` records in the profile store: two listen runs (two processes) record and
// forget their own endpoints at the same time, and neither loses the other's (issue 10 §4, found in review:
// each run wrote the whole list as it last saw it, so the second write dropped the first run's endpoint).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openConfStore, type Store } from '../../../src/core/store.js';
import { cleanLeftoverEndpoints } from '../../../src/core/webhook/clean.js';
import { forgetEndpoint, recordEndpoint, STORE_KEY, type RecordedEndpoint } from '../../../src/core/webhook/endpoints.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const aDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ycp-endpoints-'));
  dirs.push(d);
  return d;
};
/** The slice of a ctx that recordEndpoint and forgetEndpoint use, on a store of its own (one process). */
const processOn = (store: Store) => ({ config: async () => ({ store, profile: 'default' }) }) as unknown as Parameters<typeof recordEndpoint>[0];
const endpoint = (id: string, pid: number): RecordedEndpoint => ({ id, url: `https://t.example/${id}`, host: 'h', pid, started: '2026-11-30T00:00:00.000Z' });
const onDisk = (dir: string): string[] =>
  (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles.default[STORE_KEY] as RecordedEndpoint[]).map((e) => e.id).sort();

test('two listen runs record their endpoints at once: both are kept', async () => {
  const dir = aDir();
  const a = processOn(await openConfStore({ YCP_CONFIG_DIR: dir }));
  const b = processOn(await openConfStore({ YCP_CONFIG_DIR: dir }));
  await Promise.all([recordEndpoint(a, endpoint('wh_a', 1)), recordEndpoint(b, endpoint('wh_b', 2))]);
  expect(onDisk(dir)).toEqual(['wh_a', 'wh_b']);
});

test('one run forgetting its endpoint keeps the one another run recorded meanwhile', async () => {
  const dir = aDir();
  const storeA = await openConfStore({ YCP_CONFIG_DIR: dir });
  const a = processOn(storeA);
  await recordEndpoint(a, endpoint('wh_a', 1));
  const b = processOn(await openConfStore({ YCP_CONFIG_DIR: dir }));
  await recordEndpoint(b, endpoint('wh_b', 2)); // a has not read the file since
  await forgetEndpoint(a, 'wh_a');
  expect(onDisk(dir)).toEqual(['wh_b']);
  expect((storeA.profile('default')[STORE_KEY] as RecordedEndpoint[]).map((e) => e.id)).toEqual(['wh_b']);
});

test('webhook clean forgets the ids YCloud no longer has, and keeps one a listen run records meanwhile', async () => {
  const dir = aDir();
  const store = await openConfStore({ YCP_CONFIG_DIR: dir });
  const a = processOn(store);
  await recordEndpoint(a, endpoint('wh_gone', 2 ** 22 + 7));
  const other = processOn(await openConfStore({ YCP_CONFIG_DIR: dir }));
  const api = {
    // While clean lists YCloud's endpoints, another process's listen records a new one.
    listWebhookEndpoints: async () => (await recordEndpoint(other, endpoint('wh_new', 3)), []),
  };
  const ctx = { ...a, api: async () => api, clock: { now: () => Date.now() } } as unknown as Parameters<typeof cleanLeftoverEndpoints>[0];
  expect(await cleanLeftoverEndpoints(ctx)).toEqual([]);
  expect(onDisk(dir)).toEqual(['wh_new']);
});
