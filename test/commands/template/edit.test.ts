import { afterEach, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { WABA_ID, aTemplate, anError } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});
const PATH = `/whatsapp/templates/${WABA_ID}/order_update/en_US`;

test('PATCH by name and language with every component (the API edits components only)', async () => {
  t = createTestCtx();
  t.api.on('PATCH', PATH).reply(200, aTemplate({ status: 'PENDING' }));
  expect(await t.run(['template', 'edit', WABA_ID, 'order_update', 'en_US', '--body', 'Order {{1}} is on its way.', '--example', 'A-1', '--footer', 'Acme'])).toBe(0);
  expect(t.api.requests[0]!.body).toEqual({ components: [{ type: 'BODY', text: 'Order {{1}} is on its way.', example: { body_text: [['A-1']] } }, { type: 'FOOTER', text: 'Acme' }] });
  expect(t.stderr()).toBe('✓ Edited template order_update (en_US): PENDING\n');
});

test('bad input is exit 2 and nothing is sent: no components, a bad body', async () => {
  t = createTestCtx();
  expect(await t.run(['template', 'edit', WABA_ID, 'order_update', 'en_US', '--footer', 'x'])).toBe(2);
  expect(t.stderr()).toMatch(/^error: template edit needs the new components/);
  expect(await t.run(['template', 'edit', WABA_ID, 'order_update', 'en_US', '--body', 'Hi {{2}}', '--example', 'a'])).toBe(2);
  expect(t.stderr()).toContain('parameters must be numbered 1 to 1 without gaps; seen {{2}}');
  expect(t.api.requests).toEqual([]);
});

test('a template in review cannot be edited: YCloud\'s 403 is exit 1 with its code', async () => {
  t = createTestCtx();
  t.api.on('PATCH', PATH).reply(403, anError(403, 'WHATSAPP_TEMPLATE_UNEDITABLE'));
  expect(await t.run(['template', 'edit', WABA_ID, 'order_update', 'en_US', '--body', 'Hi'])).toBe(1);
  expect(t.stderr()).toContain('code: WHATSAPP_TEMPLATE_UNEDITABLE');
});
