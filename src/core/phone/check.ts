import type { YcloudApi } from '../api/client.js';
import type { PhoneNumber } from '../api/types.js';
import { parsePhoneRef } from '../validate.js';

export interface CheckRow {
  phone: string;
  id?: string;
  e164?: string;
  wabaId?: string;
  status: string;
  ok: boolean;
}

export interface CheckReport {
  expect: string;
  checked: number;
  ok: boolean;
  numbers: CheckRow[];
  offenders: CheckRow[];
}

/**
 * CI gate. Reads numbers through the paginated list (100 a page), never one request per number,
 * so thousands of numbers cost tens of requests.
 */
export async function checkPhones(
  api: Pick<YcloudApi, 'listPhoneNumbers'>,
  o: { wabaId?: string; expect: string; phones: string[] },
): Promise<CheckReport> {
  const refs = o.phones.map((p) => ({ arg: p, ref: parsePhoneRef(p) }));
  const all = await api.listPhoneNumbers({ wabaId: o.wabaId });
  const row = (n: PhoneNumber, arg?: string): CheckRow => {
    const status = String(n.status ?? 'UNKNOWN');
    return { phone: arg ?? n.phoneNumber ?? n.id ?? '?', id: n.id, e164: n.phoneNumber, wabaId: n.wabaId, status, ok: status === o.expect };
  };
  let numbers: CheckRow[];
  if (refs.length === 0) {
    numbers = all.map((n) => row(n));
  } else {
    const byId = new Map(all.filter((n) => n.id).map((n) => [n.id!, n]));
    const byE164 = new Map(all.filter((n) => n.phoneNumber).map((n) => [n.phoneNumber!, n]));
    numbers = refs.map(({ arg, ref }) => {
      const n = ref.kind === 'id' ? byId.get(ref.phoneNumberId) : byE164.get(ref.e164);
      return n ? row(n, arg) : { phone: arg, status: 'NOT_FOUND', ok: false };
    });
  }
  const offenders = numbers.filter((n) => !n.ok);
  return { expect: o.expect, checked: numbers.length, ok: offenders.length === 0 && numbers.length > 0, numbers, offenders };
}
