// Found (issue 13): YCloud pages stop at page 100 (10,000 items per filter) and the walker stopped there
// silently, so `phone check` over 10,050 numbers passed while number 10,040 was BANNED. Against the sandbox
// in process: the list is read again per WABA, and a WABA that alone fills page 100 fails naming its filter.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/core/sandbox/index.js';
import { bulkNumber } from '../../../src/core/sandbox/routes/scale.js';
import type { TestCtx } from '../../helpers/test-ctx.js';
import { sandboxCtx } from '../../helpers/onboarding-sandbox.js';
import { control } from '../../helpers/sandbox.js';

let sb: Sandbox;
let t: TestCtx;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 'empty' });
});
afterAll(() => sb.close());
beforeEach(() => control(sb, 'POST', '/reset', { seed: 'empty' }));
afterEach(() => {
  t.verify();
  t.dispose();
});

function ctx() {
  return (t = sandboxCtx(sb));
}

test('10,050 numbers over 3 WABAs: phone check finds the BANNED number 10,040 (exit 3)', async () => {
  const loaded = await control(sb, 'POST', '/phoneNumbers/bulk', { count: 10_050, wabas: 3, banned: [10_040] });
  expect(loaded).toMatchObject({ added: 10_050 });
  const banned = bulkNumber(10_040, 3);
  ctx();
  expect(await t.run(['phone', 'check', '--json'])).toBe(3);
  const doc = JSON.parse(t.stdout());
  expect(doc.error).toMatchObject({ kind: 'pending', message: '1 of 10050 numbers are not CONNECTED' });
  expect(doc.error.details.offenders).toEqual([{ phone: banned.e164, id: banned.id, e164: banned.e164, wabaId: banned.wabaId, status: 'BANNED', ok: false }]);
  expect(doc.error.details.checked).toBe(10_050);
});

test('naming the number finds it too, past the first 10,000', async () => {
  await control(sb, 'POST', '/phoneNumbers/bulk', { count: 10_050, wabas: 3, banned: [10_040] });
  ctx();
  expect(await t.run(['phone', 'check', bulkNumber(10_040, 3).e164, bulkNumber(10_049, 3).e164])).toBe(3);
  expect(t.stdout()).toBe(`${bulkNumber(10_040, 3).e164}\t${bulkNumber(10_040, 3).id}\t${bulkNumber(10_040, 3).wabaId}\tBANNED\n`);
});

test('one WABA with 10,000 numbers cannot be read whole: exit 1 naming its filter, never a partial pass', async () => {
  await control(sb, 'POST', '/phoneNumbers/bulk', { count: 10_000, wabas: 1 });
  ctx();
  expect(await t.run(['phone', 'check'])).toBe(1);
  expect(t.stdout()).toBe('');
  expect(t.stderr()).toContain(`error: GET /whatsapp/phoneNumbers?filter.wabaId=${bulkNumber(0, 1).wabaId} has 10,000 items or more`);
  expect(t.stderr()).toContain('code: LIST_CAP_REACHED');
});
