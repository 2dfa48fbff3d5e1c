// Reads a YCloud-Signature vector file (the columns of YCloud's official set, which ours reuse) and
// checks one vector against src/core/webhook/signature.ts. Used by test/core/webhook/signature.test.ts (our
// vectors, test/fixtures) and test/contract/official-spec.test.ts (the official ones, when given).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { computeSignature, verifySignature } from '../../src/core/webhook/signature.js';

const b64 = (s: string) => Buffer.from(s, 'base64');

export interface SignatureVector {
  id: string; valid: boolean; now: number; tolerance: number; header: string; body: Buffer;
  secrets: string[]; signingSecret: string; signedBody: Buffer; signedSuffix: Buffer; failure: string;
}

export function loadSignatureVectors(file: string): SignatureVector[] {
  const [head, ...lines] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const cols = head!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const c = (name: string) => {
      const i = cols.indexOf(name);
      if (i < 0) throw new Error(`${file}: no column ${name}`);
      return cells[i] ?? '';
    };
    return {
      id: c('id'),
      valid: c('expected_valid') === 'true',
      now: Number(c('now_unix_seconds')),
      tolerance: Number(c('tolerance_seconds')),
      header: c('header'),
      body: b64(c('raw_body_base64')),
      secrets: c('verification_secrets_base64').split(',').filter(Boolean).map((s) => b64(s).toString('utf8')),
      signingSecret: b64(c('signing_secret_base64')).toString('utf8'),
      signedBody: b64(c('signed_raw_body_base64')),
      signedSuffix: b64(c('signed_suffix_base64')),
      failure: c('failure_kind'),
    };
  });
}

/** The vectors' failure kinds, mapped onto the three reasons `ycp webhook verify` reports. */
export const REASON: Record<string, string> = {
  'wrong-secret': 'no-matching-secret',
  'stale-timestamp': 'stale-timestamp',
  'future-timestamp': 'stale-timestamp',
  'tampered-body': 'no-matching-secret',
  'json-reserialized': 'no-matching-secret',
  'trailing-delimiter': 'no-matching-secret',
  'malformed-header': 'bad-format',
};

/** verifySignature gives the vector's verdict and reason; where the header carries t and s, our
 * computeSignature also reproduces the signature of what the vector says was signed (suffix included). */
export function expectVectorHolds(v: SignatureVector): void {
  const r = verifySignature({ header: v.header, rawBody: v.body, secrets: v.secrets, nowSeconds: v.now, toleranceSeconds: v.tolerance });
  expect(r.ok).toBe(v.valid);
  if (!r.ok) expect(r.reason).toBe(REASON[v.failure]);
  if (r.ok) expect(v.secrets[r.secretIndex]).toBe(v.signingSecret);
  const t = /(?:^|,)t=(\d+)/.exec(v.header)?.[1];
  const s = /(?:^|,)s=([0-9a-fA-F]{64})/.exec(v.header)?.[1];
  if (t && s) {
    const signed = Buffer.concat([v.signedBody, v.signedSuffix]);
    expect(computeSignature(v.signingSecret, Number(t), signed)).toBe(s.toLowerCase());
  }
}
