import { YcpError } from '../errors.js';
import { msg } from '../../i18n/index.js';
import type { YcloudApi } from '../api/client.js';
import type { PhoneNumber } from '../api/types.js';
import { checkDigits, parsePhoneRef, type PhoneRef } from '../validate.js';

export interface ResolvedPhone {
  wabaId: string;
  phoneNumberId: string;
  e164: string;
  number: PhoneNumber;
}

/** A `<waba-id> <phone>` pair, checked: commands build it before any request, so bad input exits 2 first. */
export interface PhoneTarget {
  wabaId: string;
  ref: PhoneRef;
}

export function phoneTarget(wabaId: string, phone: string): PhoneTarget {
  return { wabaId: checkDigits('WABA ID', wabaId), ref: parsePhoneRef(phone) };
}

/**
 * Register takes the phone-number ID while retrieve takes the E.164 number (CONTRACT §7–8), so `<phone>`
 * accepts either and we resolve it to both, once.
 */
export async function resolvePhone(api: Pick<YcloudApi, 'getPhoneNumber' | 'listPhoneNumbers'>, { wabaId, ref }: PhoneTarget): Promise<ResolvedPhone> {
  if (ref.kind === 'e164') {
    const number = await api.getPhoneNumber(wabaId, ref.e164);
    if (!number?.id) throw new YcpError('api', msg('numbers.noId', { e164: ref.e164 }), { code: 'MALFORMED_RESPONSE' });
    return { wabaId, phoneNumberId: number.id, e164: number.phoneNumber ?? ref.e164, number };
  }
  const numbers = await api.listPhoneNumbers({ wabaId });
  const number = numbers.find((n) => n.id === ref.phoneNumberId);
  if (!number) {
    throw new YcpError('api', msg('numbers.notInWaba', { id: ref.phoneNumberId, wabaId }), { code: 'NOT_FOUND', hint: msg('numbers.notInWabaHint', { wabaId }) });
  }
  if (!number.phoneNumber) throw new YcpError('api', msg('numbers.noE164', { id: ref.phoneNumberId }), { code: 'MALFORMED_RESPONSE' });
  return { wabaId, phoneNumberId: ref.phoneNumberId, e164: number.phoneNumber, number };
}
