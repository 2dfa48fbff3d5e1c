// CONTRACT §12: YCloud-Signature: t=<unix seconds>,s=<hex>; HMAC-SHA256 over `${t}.${rawBody}` keyed
// with the whole `whsec_…` secret (prefix included), lowercase hex, constant-time compare.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'ycloud-signature';
export const DEFAULT_TOLERANCE_S = 300;

export function computeSignature(secret: string, t: number | string, rawBody: Buffer | string): string {
  // sign the raw body bytes; re-serialised JSON changes the signature
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${t}.`)
    .update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
    .digest('hex');
}

export function signatureHeader(secret: string, t: number, rawBody: Buffer | string): string {
  return `t=${t},s=${computeSignature(secret, t, rawBody)}`;
}

export type VerifyFailure = 'bad-format' | 'stale-timestamp' | 'no-matching-secret';
export type VerifyResult = { ok: true; t: number; secretIndex: number } | { ok: false; reason: VerifyFailure; detail: string };

/**
 * Parses `t=…,s=…` (or a whole `YCloud-Signature: t=…,s=…` line). A header may carry several `s=`
 * values (a sender signing with an old and a new secret during rotation): `s` is the first, `all`
 * every one, in order.
 */
export function parseSignatureHeader(header: string): { t: number; s: string; all: string[] } | undefined {
  let h = header.trim();
  const colon = /^ycloud-signature\s*:/i.exec(h);
  if (colon) h = h.slice(colon[0].length).trim();
  let t: string | undefined;
  const all: string[] = [];
  for (const part of h.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (k === 't') t = v;
    else if (k === 's' && v) all.push(v);
  }
  if (!t || !/^\d{1,12}$/.test(t) || !all.length) return undefined;
  return { t: Number(t), s: all[0]!, all };
}

export function verifySignature(o: {
  header: string | undefined;
  rawBody: Buffer | string;
  secrets: string[];
  nowSeconds: number;
  toleranceSeconds?: number;
}): VerifyResult {
  const parsed = o.header ? parseSignatureHeader(o.header) : undefined;
  if (!parsed) return { ok: false, reason: 'bad-format', detail: 'the YCloud-Signature header is missing or not of the form t=<unix seconds>,s=<hex>' };
  const tolerance = o.toleranceSeconds ?? DEFAULT_TOLERANCE_S;
  if (Math.abs(o.nowSeconds - parsed.t) > tolerance) {
    return { ok: false, reason: 'stale-timestamp', detail: `the timestamp is ${o.nowSeconds - parsed.t}s away from now (tolerance ${tolerance}s)` };
  }
  // YCloud sends lowercase hex; anything else is not a signature we produced. With several `s=`
  // values, a malformed one is skipped: it cannot match, and the others may.
  const given = parsed.all.filter((s) => /^[0-9a-f]{64}$/.test(s)).map((s) => Buffer.from(s, 'hex'));
  if (!given.length) return { ok: false, reason: 'bad-format', detail: 'the signature is not 64 lowercase hex characters' };
  // Valid when ANY candidate matches ANY secret, whatever the order: every pair is compared in
  // constant time, and none is skipped, so the time taken says nothing about which one matched.
  let match = -1;
  for (const [i, secret] of o.secrets.entries()) {
    const expected = Buffer.from(computeSignature(secret, parsed.t, o.rawBody), 'hex');
    for (const g of given) if (timingSafeEqual(expected, g) && match < 0) match = i;
  }
  if (match >= 0) return { ok: true, t: parsed.t, secretIndex: match };
  return { ok: false, reason: 'no-matching-secret', detail: `the signature matches none of the ${o.secrets.length} secret(s) given` };
}
