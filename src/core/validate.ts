import { usageError, type Text } from './errors.js';
import { msg } from '../i18n/index.js';
import { durationMs } from './duration.js';

const DIGITS = /^\d{1,32}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
/**
 * Meta's phone-number IDs are 15 digits or more (15–17 in practice; the sandbox's are 15–16), while an
 * E.164 number has at most 15 digits and almost always 14 or fewer. So a bare number of up to 14 digits
 * is an E.164 number typed without its `+` (issue 14: `phone get <waba> 15550001111` was a NOT_FOUND round
 * trip): it is refused before any request, with "did you mean +…". README "Phone numbers" says so.
 */
export const MIN_PHONE_ID_DIGITS = 15;

/** WABA and phone-number IDs are Meta IDs: digit strings, never numbers (CONTRACT §0). */
export function checkDigits(what: Text, value: string): string {
  const v = String(value ?? '').trim();
  if (!DIGITS.test(v)) throw usageError(msg('input.digits', { what, value: clip(value) }));
  return v;
}

export function isDigits(value: string): boolean {
  return DIGITS.test(value);
}

/** Accepts `+1 555-000-1111` style input; returns the compact E.164 form with its `+`. */
export function checkE164(what: Text, value: string): string {
  const v = String(value ?? '').replace(/[\s().-]/g, '');
  if (!E164.test(v)) throw usageError(msg('input.e164', { what, value: clip(value) }));
  return v;
}

export type PhoneRef = { kind: 'id'; phoneNumberId: string } | { kind: 'e164'; e164: string };

/**
 * `<phone>` arguments take a phone-number ID (15+ digits) or an E.164 number (leading +). Fewer digits
 * without a `+` are a number missing its `+` (MIN_PHONE_ID_DIGITS).
 */
export function parsePhoneRef(value: string): PhoneRef {
  const v = String(value ?? '').trim();
  if (v.startsWith('+')) return { kind: 'e164', e164: checkE164('phone', v) };
  if (DIGITS.test(v) && v.length >= MIN_PHONE_ID_DIGITS) return { kind: 'id', phoneNumberId: v };
  if (DIGITS.test(v) && E164.test(`+${v}`)) throw usageError(msg('input.phoneNoPlus', { value: v }), msg('input.phoneNoPlusHint'));
  throw usageError(msg('input.phoneRef', { value: clip(value) }), msg('input.phoneNoPlusHint'));
}

export function checkHttpUrl(what: Text, value: string, { httpsOnly = false } = {}): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw usageError(msg('input.url', { what, value: clip(value) }));
  }
  if (u.protocol !== 'https:' && (httpsOnly || u.protocol !== 'http:')) {
    throw usageError(msg(httpsOnly ? 'input.httpsUrl' : 'input.httpUrl', { what, value: clip(value) }));
  }
  return u.toString();
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** True for a URL on this machine (localhost, 127.x.x.x, [::1]). */
export const isLoopback = (url: string): boolean => {
  try {
    return LOOPBACK.test(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * A webhook endpoint URL YCloud can deliver to: https on a public host (CONTRACT §5). Against the local
 * sandbox (a loopback base URL) a loopback URL is fine, http too: the sandbox delivers on this machine.
 */
export function checkWebhookUrl(value: string, baseUrl: string): string {
  const url = checkHttpUrl('url', value);
  const sandbox = isLoopback(baseUrl);
  if (isLoopback(url) && !sandbox) throw usageError(msg('input.webhookLocal', { value: clip(value) }), msg('input.webhookLocalHint'));
  if (!url.startsWith('https:') && !(sandbox && isLoopback(url))) throw usageError(msg('input.webhookHttps', { value: clip(value) }), msg('input.webhookHttpsHint'));
  return url;
}

/** `500ms`, `30s`, `10m`, `1h30m`, or a bare number of seconds; anything else is a usage error. */
export function parseDuration(input: string): number {
  const ms = durationMs(input);
  if (ms === undefined) throw usageError(msg('input.duration', { value: String(input).trim() }), msg('input.durationHint'));
  return ms;
}

function clip(v: unknown): string {
  const s = String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
