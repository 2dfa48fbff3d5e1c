import { afterEach, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { WABA_ID, aTemplate } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});
const GET = `/whatsapp/templates/${WABA_ID}/spring_sale/en`;
const pending = aTemplate({ name: 'spring_sale', language: 'en', status: 'PENDING', category: 'MARKETING' });

test('exit 3 at the timeout, the NDJSON stream ending with the error', async () => {
  t = createTestCtx();
  t.api.on('GET', GET).reply(200, pending).persist();
  expect(await t.run(['template', 'wait', WABA_ID, 'spring_sale', 'en', '--timeout', '30s', '--json'])).toBe(3);
  const lines = t.stdout().trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.at(-2)).toMatchObject({ event: 'poll', status: 'PENDING' });
  expect(lines.at(-1)).toMatchObject({ error: { kind: 'pending', message: 'spring_sale (en) is still PENDING after 30s (wanted APPROVED)' } });
  expect(t.stderr()).toBe('');
});

test('reached: one line on stderr, the row on stdout', async () => {
  t = createTestCtx();
  t.api.on('GET', GET).reply(200, { ...pending, status: 'APPROVED' });
  expect(await t.run(['template', 'wait', WABA_ID, 'spring_sale', 'en'])).toBe(0);
  expect(t.stderr()).toBe('✓ spring_sale (en) is APPROVED after 1 check(s) (0ms)\n');
  expect(t.stdout()).toBe('spring_sale\ten\tAPPROVED\n');
});

test('DISABLED (or PAUSED, ARCHIVED…) will not turn APPROVED: exit 3 at once; --for REJECTED waits for a rejection', async () => {
  t = createTestCtx();
  t.api.on('GET', GET).reply(200, { ...pending, status: 'DISABLED' });
  expect(await t.run(['template', 'wait', WABA_ID, 'spring_sale', 'en'])).toBe(3);
  expect(t.stderr()).toContain('error: spring_sale (en) is DISABLED: it will not become APPROVED on its own');
  t.verify();
  t.dispose();
  t = createTestCtx();
  t.api.on('GET', GET).reply(200, { ...pending, status: 'REJECTED', reason: 'PROMOTIONAL' });
  expect(await t.run(['template', 'wait', WABA_ID, 'spring_sale', 'en', '--for', 'REJECTED'])).toBe(0);
});

test('--for must be a template status (exit 2, nothing sent)', async () => {
  t = createTestCtx();
  expect(await t.run(['template', 'wait', WABA_ID, 'spring_sale', 'en', '--for', 'DONE'])).toBe(2);
  expect(t.api.requests).toEqual([]);
});
