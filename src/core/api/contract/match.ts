// Finds the operation for a concrete request path, e.g. GET /whatsapp/phoneNumbers/123/%2B1555 →
// /whatsapp/phoneNumbers/{wabaId}/{phoneNumber}. Paths are relative to the /v2 base URL, without query.
import { OPERATIONS, type Operation } from './operations.js';

/** The operation whose template fits `path`; when several do, the one with the most literal segments. */
export function matchOperation(method: string, path: string): Operation | undefined {
  const segs = path.split('/');
  const m = method.toUpperCase();
  let best: { op: Operation; literal: number } | undefined;
  for (const op of OPERATIONS) {
    if (op.method !== m) continue;
    const t = op.path.split('/');
    if (t.length !== segs.length) continue;
    let literal = 0;
    const fits = t.every((s, i) => {
      if (s.startsWith('{')) return segs[i] !== '';
      if (s !== segs[i]) return false;
      literal++;
      return true;
    });
    if (fits && (!best || literal > best.literal)) best = { op, literal };
  }
  return best?.op;
}
