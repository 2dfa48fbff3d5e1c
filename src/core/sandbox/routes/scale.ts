// Control route for reads at scale: `POST /_sandbox/phoneNumbers/bulk` adds thousands of numbers spread
// over new WABAs, so `phone check` and the bench can read past YCloud's 10,000-items-per-filter cap
// (CONTRACT §3). Numbers are CONNECTED unless listed in `banned`; IDs and E.164s follow from the index, so a
// test can name number 10,040 without reading the answer.
import { array, int, requireBody } from '../check.js';
import { invalid, missing } from '../http.js';
import { route, type Route } from '../router.js';
import { aSeedPhone, aSeedWaba, helloWorld } from '../seed.js';
import type { World } from '../world.js';

export const BULK_MAX = 200_000;

/** Number `i` of a bulk load: its WABA (round-robin), ID and E.164. */
export function bulkNumber(i: number, wabas: number): { wabaId: string; id: string; e164: string } {
  return { wabaId: bulkWabaId(i % wabas), id: `7${String(i).padStart(15, '0')}`, e164: `+1999${String(i).padStart(7, '0')}` };
}
export const bulkWabaId = (n: number) => `9${String(n).padStart(14, '0')}`;

export const scaleRoutes: Route[] = [
  route('POST', '/phoneNumbers/bulk', async ({ w, body }) => {
    const b = requireBody(await body());
    const count = int(b, 'count', 'count', 1, BULK_MAX);
    if (count === undefined) throw missing('count');
    const wabas = int(b, 'wabas', 'wabas', 1, 1_000) ?? Math.max(1, Math.ceil(count / 5_000));
    const banned = new Set(
      (array(b, 'banned') ?? []).map((x, i) => {
        if (!Number.isInteger(x) || (x as number) < 0 || (x as number) >= count) throw invalid(`banned[${i}]`, `banned[${i}] must be an index from 0 to ${count - 1}`);
        return x as number;
      }),
    );
    return { body: addBulk(w, count, wabas, banned) };
  }),
];

export function addBulk(w: World, count: number, wabas: number, banned: ReadonlySet<number> = new Set()) {
  const ids = Array.from({ length: wabas }, (_, n) => bulkWabaId(n));
  for (const [n, id] of ids.entries()) {
    if (w.data.wabas.some((x) => x.id === id)) continue;
    w.data.wabas.push(aSeedWaba({ id, name: `Bulk Co ${n + 1}`, businessName: `Bulk Co ${n + 1} Ltd` }));
    w.data.templates.push(helloWorld(id));
  }
  const taken = new Set(w.data.phones.map((p) => p.number.id));
  let added = 0;
  for (let i = 0; i < count; i++) {
    const n = bulkNumber(i, wabas);
    if (taken.has(n.id)) continue;
    w.data.phones.push(aSeedPhone({ id: n.id, phoneNumber: n.e164, wabaId: n.wabaId, status: banned.has(i) ? 'BANNED' : 'CONNECTED', qualityRating: banned.has(i) ? 'RED' : 'GREEN' }));
    added++;
  }
  w.changed();
  return { added, wabas: ids, banned: [...banned].sort((a, b) => a - b).map((i) => bulkNumber(i, wabas)) };
}
