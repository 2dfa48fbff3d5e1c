// Issue 10 §5: a YCloud-Signature header with several `s=` values is valid when ANY candidate matches
// ANY secret, whatever the order (it used to keep only the last `s=`).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeSignature, parseSignatureHeader, verifySignature } from '../../../src/core/webhook/signature.js';

const A = 'whsec_multi_secret_a_0123456789';
const B = 'whsec_multi_secret_b_9876543210';
const body = '{"id":"evt_multi","type":"whatsapp.message.updated"}';
const t = 1_790_000_000;
const good = computeSignature(A, t, body);
const other = computeSignature(B, t, body);
const wrong = computeSignature('whsec_nobody_has_this_one_000', t, body);
const verify = (header: string, secrets = [A]) => verifySignature({ header, rawBody: body, secrets, nowSeconds: t });

describe('several s= values', () => {
  test.each([
    ['valid first', `t=${t},s=${good},s=${wrong}`],
    ['valid last', `t=${t},s=${wrong},s=${good}`],
    ['valid in the middle, spaced', `t=${t}, s=${wrong}, s=${good}, s=${wrong}`],
    ['a malformed candidate beside the valid one', `t=${t},s=NOT-HEX,s=${good}`],
    ['the valid one first, then a malformed one', `t=${t},s=${good},s=${good.toUpperCase()}`],
  ])('%s → valid', (_name, header) => {
    expect(verify(header)).toEqual({ ok: true, t, secretIndex: 0 });
  });

  test('the secret that matched is reported, whichever candidate it matched', () => {
    expect(verify(`t=${t},s=${wrong},s=${other}`, [A, B])).toEqual({ ok: true, t, secretIndex: 1 });
    expect(verify(`t=${t},s=${other},s=${good}`, [A, B])).toEqual({ ok: true, t, secretIndex: 0 });
  });

  test('none matches → no-matching-secret; none well-formed → bad-format', () => {
    expect(verify(`t=${t},s=${wrong},s=${other}`)).toMatchObject({ ok: false, reason: 'no-matching-secret' });
    expect(verify(`t=${t},s=XYZ,s=${good.toUpperCase()}`)).toMatchObject({ ok: false, reason: 'bad-format' });
    expect(verify(`t=${t},s=`)).toMatchObject({ ok: false, reason: 'bad-format' });
  });

  test('parse keeps every candidate in order', () => {
    expect(parseSignatureHeader(`YCloud-Signature: t=${t},s=${wrong},s=${good}`)).toEqual({ t, s: wrong, all: [wrong, good] });
  });

  test('property: any order of candidates around the valid one is accepted', () => {
    const hex = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
    fc.assert(
      fc.property(fc.array(hex, { maxLength: 4 }), fc.nat(), (bad, at) => {
        const list = [...bad];
        list.splice(at % (list.length + 1), 0, good);
        return verify(`t=${t},${list.map((s) => `s=${s}`).join(',')}`).ok;
      }),
    );
  });
});
