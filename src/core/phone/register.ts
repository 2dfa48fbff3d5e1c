import type { YcloudApi } from '../api/client.js';
import type { PhoneNumber } from '../api/types.js';
import { resolvePhone, type PhoneTarget, type ResolvedPhone } from './resolve.js';

export interface RegisterResult {
  wabaId: string;
  phoneNumberId: string;
  e164: string;
  /** True when the number was already CONNECTED and nothing was sent. */
  skipped: boolean;
  status?: string;
  number: PhoneNumber;
}

/**
 * Registers a number once (CONTRACT §8: 10 tries per 72 h, not replay-safe). Already CONNECTED → no call.
 * `confirm` runs after resolution, so the question can name the number; it throws to cancel.
 */
export async function registerPhone(
  api: Pick<YcloudApi, 'getPhoneNumber' | 'listPhoneNumbers' | 'registerPhoneNumber'>,
  target: PhoneTarget,
  confirm: (p: ResolvedPhone) => Promise<void>,
): Promise<RegisterResult> {
  const p = await resolvePhone(api, target);
  if (p.number.status === 'CONNECTED') {
    return { wabaId: p.wabaId, phoneNumberId: p.phoneNumberId, e164: p.e164, skipped: true, status: 'CONNECTED', number: p.number };
  }
  await confirm(p);
  const number = await api.registerPhoneNumber(p.wabaId, p.phoneNumberId);
  return { wabaId: p.wabaId, phoneNumberId: p.phoneNumberId, e164: p.e164, skipped: false, status: number?.status, number: number ?? p.number };
}
