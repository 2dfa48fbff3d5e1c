import { afterEach, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { WABA_ID, aTemplate } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

test('one language with --yes', async () => {
  t = createTestCtx();
  t.api.on('DELETE', `/whatsapp/templates/${WABA_ID}/old_notice/en`).reply(200, aTemplate({ name: 'old_notice', language: 'en', status: 'DELETED' }));
  expect(await t.run(['template', 'delete', WABA_ID, 'old_notice', 'en', '--yes'])).toBe(0);
  expect(t.stderr()).toBe('✓ Deleted old_notice (en) (1 language(s))\n');
  expect(t.stdout()).toBe('old_notice\ten\tDELETED\n');
});

test('every language: asked on a TTY; the answer is the list', async () => {
  t = createTestCtx({ stdinTTY: true, stdoutTTY: true, answers: { '--yes': true } });
  t.api.on('DELETE', `/whatsapp/templates/${WABA_ID}/order_update`).reply(200, [aTemplate({ status: 'DELETED' }), aTemplate({ language: 'zh_CN', status: 'DELETED' })]);
  expect(await t.run(['template', 'delete', WABA_ID, 'order_update', '--json'])).toBe(0);
  expect(t.questions).toEqual(['--yes']);
  expect(JSON.parse(t.stdout()).map((x: { language: string }) => x.language)).toEqual(['en_US', 'zh_CN']);
});

test('declined on a TTY, or not interactive without --yes: nothing is deleted', async () => {
  t = createTestCtx({ stdinTTY: true, stdoutTTY: true, answers: { '--yes': false } });
  expect(await t.run(['template', 'delete', WABA_ID, 'order_update'])).toBe(130);
  t.verify();
  t.dispose();
  t = createTestCtx();
  expect(await t.run(['template', 'delete', WABA_ID, 'order_update'])).toBe(2);
  expect(t.stderr()).toContain('--yes');
  expect(t.api.requests).toEqual([]);
});
