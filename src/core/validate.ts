import { usageError } from './errors.js';

const DIGITS = /^\d{1,32}$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** WABA and phone-number IDs are Meta IDs: digit strings, never numbers (CONTRACT §0). */
export function checkDigits(what: string, value: string): string {
  const v = String(value ?? '').trim();
  if (!DIGITS.test(v)) throw usageError(`${what} must be a string of digits, got "${clip(value)}"`);
  return v;
}

export function isDigits(value: string): boolean {
  return DIGITS.test(value);
}

/** Accepts `+1 555-000-1111` style input; returns the compact E.164 form with its `+`. */
export function checkE164(what: string, value: string): string {
  const v = String(value ?? '').replace(/[\s().-]/g, '');
  if (!E164.test(v)) throw usageError(`${what} must be an E.164 number such as +15550001111, got "${clip(value)}"`);
  return v;
}

export type PhoneRef = { kind: 'id'; phoneNumberId: string } | { kind: 'e164'; e164: string };

/** `<phone>` arguments take a phone-number ID (digits) or an E.164 number (leading +). */
export function parsePhoneRef(value: string): PhoneRef {
  const v = String(value ?? '').trim();
  if (v.startsWith('+')) return { kind: 'e164', e164: checkE164('phone', v) };
  if (DIGITS.test(v)) return { kind: 'id', phoneNumberId: v };
  throw usageError(`phone must be a phone-number ID (digits) or an E.164 number (+15550001111), got "${clip(value)}"`);
}

export function checkHttpUrl(what: string, value: string, { httpsOnly = false } = {}): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw usageError(`${what} must be a URL, got "${clip(value)}"`);
  }
  if (u.protocol !== 'https:' && (httpsOnly || u.protocol !== 'http:')) {
    throw usageError(`${what} must be an ${httpsOnly ? 'https' : 'http(s)'} URL, got "${clip(value)}"`);
  }
  return u.toString();
}

function clip(v: unknown): string {
  const s = String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
