// CONTRACT §12: the project's own known-answer vectors (test/fixtures/webhook-signature-vectors.tsv,
// computed with openssl by scripts/make-signature-vectors.sh), plus properties: sign → verify, and any
// one-byte change in body, timestamp or signature is rejected. The official vectors run in
// test/contract/official-spec.test.ts when they are given.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeSignature, signatureHeader, verifySignature } from '../../../src/core/webhook/signature.js';
import { expectVectorHolds, loadSignatureVectors } from '../../helpers/signature-vectors.js';

const TSV = fileURLToPath(new URL('../../fixtures/webhook-signature-vectors.tsv', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../../scripts/make-signature-vectors.sh', import.meta.url));
const vectors = loadSignatureVectors(TSV);
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe("the project's signature vectors (openssl-computed)", () => {
  test('cover every case: valid compact, spaced UTF-8, second candidate, edge; each failure kind', () => {
    expect(vectors.map((v) => v.id)).toEqual([
      'valid-compact-json', 'valid-spaced-utf8-json', 'valid-second-candidate-secret', 'valid-at-tolerance-edge',
      'invalid-wrong-secret', 'invalid-stale-timestamp', 'invalid-future-timestamp', 'invalid-tampered-body',
      'invalid-json-reserialised', 'invalid-trailing-delimiter', 'invalid-uppercase-signature',
      'invalid-header-without-signature', 'invalid-header-non-numeric-timestamp',
    ]);
    expect(vectors.find((v) => v.id === 'valid-spaced-utf8-json')!.body.toString('utf8')).toContain('São Paulo ☕');
    expect(vectors.find((v) => v.id === 'valid-second-candidate-secret')!.secrets).toHaveLength(2);
  });

  test.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => expectVectorHolds(v));

  test.skipIf(!hasOpenssl)('the committed file is exactly what scripts/make-signature-vectors.sh writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ycp-vectors-'));
    try {
      execFileSync('bash', [SCRIPT, join(dir, 'v.tsv')], { stdio: 'pipe' });
      expect(readFileSync(join(dir, 'v.tsv'), 'utf8')).toBe(readFileSync(TSV, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
