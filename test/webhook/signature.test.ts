// CONTRACT §12: the ten official vectors, plus properties: sign → verify, and any one-byte change in
// body, timestamp or signature is rejected.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeSignature, signatureHeader, verifySignature } from '../../src/core/webhook/signature.js';

const TSV = fileURLToPath(new URL('../../../shared/ycloud/webhook-signature-vectors.tsv', import.meta.url));
const b64 = (s: string) => Buffer.from(s, 'base64');

interface Vector {
  id: string; valid: boolean; now: number; tolerance: number; header: string; body: Buffer;
  secrets: string[]; signingSecret: string; signedBody: Buffer; signedSuffix: Buffer; failure: string;
}

function loadVectors(): Vector[] {
  const [head, ...lines] = readFileSync(TSV, 'utf8').split('\n').filter((l) => l.trim());
  const cols = head!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const c = (name: string) => cells[cols.indexOf(name)] ?? '';
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

// The vectors' failure kinds, mapped onto the three reasons `ycp webhook verify` reports.
const REASON: Record<string, string> = {
  'wrong-secret': 'no-matching-secret',
  'stale-timestamp': 'stale-timestamp',
  'future-timestamp': 'stale-timestamp',
  'tampered-body': 'no-matching-secret',
  'json-reserialized': 'no-matching-secret',
  'trailing-delimiter': 'no-matching-secret',
  'malformed-header': 'bad-format',
};

const vectors = loadVectors();

describe('official signature vectors', () => {
  test('there are ten of them', () => expect(vectors).toHaveLength(10));

  test.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const r = verifySignature({ header: v.header, rawBody: v.body, secrets: v.secrets, nowSeconds: v.now, toleranceSeconds: v.tolerance });
    expect(r.ok).toBe(v.valid);
    if (!r.ok) expect(r.reason).toBe(REASON[v.failure]);
    // The header really is the signature of what the vector says was signed (with the suffix, if any).
    const t = Number(/t=(\d+)/.exec(v.header)![1]);
    const signed = Buffer.concat([v.signedBody, v.signedSuffix]);
    expect(computeSignature(v.signingSecret, t, signed)).toBe(/s=([0-9a-fA-F]+)/.exec(v.header)![1]!.toLowerCase());
  });

  test("the project's own vector (CONTRACT §12)", () => {
    expect(computeSignature('whsec_ycp_demo_secret', 1712345678, '{"id":"evt_demo","type":"whatsapp.message.updated","apiVersion":"v2"}')).toBe(
      '691d465054d22a765e349d7cfe8e16eb75f818426d6aaaef25f57b6d98ef7b31',
    );
  });
});

describe('signature properties', () => {
  const secret = fc.string({ minLength: 1, maxLength: 40 }).map((s) => `whsec_${s}`);
  const body = fc.uint8Array({ minLength: 0, maxLength: 512 }).map((a) => Buffer.from(a));
  const t = fc.integer({ min: 1_000_000_000, max: 4_000_000_000 });

  test('sign → verify holds for any secret, body and time within tolerance', () => {
    fc.assert(
      fc.property(secret, body, t, fc.integer({ min: -300, max: 300 }), (s, b, ts, skew) => {
        const r = verifySignature({ header: signatureHeader(s, ts, b), rawBody: b, secrets: [s], nowSeconds: ts + skew });
        return r.ok && r.t === ts;
      }),
      { numRuns: 300 },
    );
  });

  test('any single-byte change of the body is rejected', () => {
    fc.assert(
      fc.property(secret, body.filter((b) => b.length > 0), t, fc.nat(), fc.integer({ min: 1, max: 255 }), (s, b, ts, pos, delta) => {
        const header = signatureHeader(s, ts, b);
        const changed = Buffer.from(b);
        const i = pos % changed.length;
        changed[i] = (changed[i]! + delta) % 256;
        return !verifySignature({ header, rawBody: changed, secrets: [s], nowSeconds: ts }).ok;
      }),
      { numRuns: 300 },
    );
  });

  test('any single-character change of the timestamp or the signature is rejected', () => {
    fc.assert(
      fc.property(secret, body, t, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), (s, b, ts, pos, delta, inTimestamp) => {
        const sig = computeSignature(s, ts, b);
        const tStr = String(ts);
        let header: string;
        if (inTimestamp) {
          const i = pos % tStr.length;
          const chars = tStr.split('');
          chars[i] = String.fromCharCode((chars[i]!.charCodeAt(0) + delta) % 256);
          header = `t=${chars.join('')},s=${sig}`;
        } else {
          const i = pos % sig.length;
          const chars = sig.split('');
          chars[i] = String.fromCharCode((chars[i]!.charCodeAt(0) + delta) % 256);
          header = `t=${tStr},s=${chars.join('')}`;
        }
        // A huge tolerance: the change must be caught by the signature, not only by the clock.
        return !verifySignature({ header, rawBody: b, secrets: [s], nowSeconds: ts, toleranceSeconds: 10 ** 12 }).ok;
      }),
      { numRuns: 500 },
    );
  });

  test('several candidate secrets: valid when any one matches, and which one is reported', () => {
    fc.assert(
      fc.property(fc.uniqueArray(secret, { minLength: 2, maxLength: 5 }), body, t, fc.nat(), (secrets, b, ts, k) => {
        const i = k % secrets.length;
        const r = verifySignature({ header: signatureHeader(secrets[i]!, ts, b), rawBody: b, secrets, nowSeconds: ts });
        return r.ok && r.secretIndex === i;
      }),
      { numRuns: 100 },
    );
  });
});
