// Issue 10 §5 at the Ctx seam: names and messages from the network are shown with control characters
// escaped (tables, fields, errors, doctor/status lines); --json keeps the exact values.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../helpers/test-ctx.js';
import { aPage, aTemplate, aWaba, anError, WABA_ID } from '../helpers/builders.js';
import { printable } from '../../src/ui/format.js';
import { apiErrorFrom } from '../../src/core/api/errors.js';

let t: TestCtx | undefined;
afterEach(() => {
  t?.verify();
  t?.dispose();
  t = undefined;
});

const HOSTILE = 'Evil\nCo\t\u001b[2J\u001b]0;title\u0007\u009b31m\u202egpj.exe\r';
const SHOWN = 'Evil\\nCo\\t\\x1b[2J\\x1b]0;title\\x07\\u009b31m\\u202egpj.exe\\r';
// Anything a terminal would act on but our own separators (tab between cells, newline ending a line).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('printable()', () => {
  test('escapes C0, DEL, C1, line separators and bidi controls; leaves other text alone', () => {
    expect(printable(HOSTILE)).toBe(SHOWN);
    expect(printable('\u0000\u007f\u2028\u2029\u2066\u2069\u200e\u061c')).toBe('\\x00\\x7f\\u2028\\u2029\\u2066\\u2069\\u200e\\u061c');
    const plain = "John's Cake Shop — 简体中文 ✓ émoji 🎂 back\\slash";
    expect(printable(plain)).toBe(plain);
    expect(printable(printable(HOSTILE))).toBe(SHOWN); // idempotent: escaping twice changes nothing
  });
});

describe('tables and fields', () => {
  test.each([false, true])('waba list (stdout TTY %s): one row, the name escaped', async (tty) => {
    t = createTestCtx({ stdoutTTY: tty });
    t!.api.on('GET', '/whatsapp/businessAccounts?page=1&limit=100').reply(200, aPage([aWaba({ name: HOSTILE })]));
    expect(await t!.run(['waba', 'list'])).toBe(0);
    const lines = t!.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(tty ? 2 : 1); // header + one row on a TTY
    expect(t!.stdout()).toContain(SHOWN);
    expect(t!.stdout()).not.toMatch(CONTROL);
  });

  test('waba list --json: the exact name', async () => {
    t = createTestCtx();
    t!.api.on('GET', '/whatsapp/businessAccounts?page=1&limit=100').reply(200, aPage([aWaba({ name: HOSTILE })]));
    expect(await t!.run(['waba', 'list', '--json'])).toBe(0);
    expect(JSON.parse(t!.stdout())[0].name).toBe(HOSTILE);
  });

  test('waba get: the field value escaped', async () => {
    t = createTestCtx();
    t!.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba({ name: HOSTILE }));
    expect(await t!.run(['waba', 'get', WABA_ID])).toBe(0);
    expect(t!.stdout()).toContain(`name\t${SHOWN}\n`);
    expect(t!.stdout()).not.toMatch(CONTROL);
  });

  test('template list: a hostile template name stays in its row', async () => {
    t = createTestCtx();
    t!.api.on('GET', `/whatsapp/templates?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, aPage([aTemplate({ name: HOSTILE })]));
    expect(await t!.run(['template', 'list', '--waba', WABA_ID])).toBe(0);
    expect(t!.stdout().trimEnd().split('\n')).toHaveLength(1);
    expect(t!.stdout()).not.toMatch(CONTROL);
  });
});

describe('API error messages', () => {
  test('message, target, code and request id from the server are escaped in the human error', async () => {
    t = createTestCtx();
    t!.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(400, anError(400, 'PARAM_INVALID', HOSTILE, { target: 'a\u001b[31mb', requestId: 'req\nforged' }));
    expect(await t!.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t!.stderr()).toContain(`error: could not get WABA ${WABA_ID}: ${SHOWN} (a\\x1b[31mb)\n`);
    expect(t!.stderr()).toContain('request id: req\\nforged');
    expect(t!.stderr()).not.toMatch(CONTROL);
  });

  test('doctor shows a hostile API error inert', async () => {
    t = createTestCtx();
    t!.api.on('GET', '/balance').reply(400, anError(400, 'PARAM_INVALID', HOSTILE));
    expect(await t!.run(['doctor'])).toBe(3);
    expect(t!.stdout()).toContain(SHOWN);
    expect(t!.stdout()).not.toMatch(CONTROL);
  });

  test('apiErrorFrom: non-string fields are ignored, not shown as [object Object]', () => {
    const e = apiErrorFrom(400, JSON.stringify({ error: { code: { x: 1 }, message: ['a'], requestId: 7 } }), 'req_h', { what: 'x' });
    expect(e.message).toBe('could not x: HTTP 400');
    expect(e.info).toMatchObject({ code: 'HTTP_400', requestId: '7' });
  });
});
