// Done when (issue 13): `ycp api` reaches an operation ycp has no command for, the unsubscriber list,
// against the sandbox, cursor paging included.
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/core/sandbox/index.js';
import type { TestCtx } from '../../helpers/test-ctx.js';
import { sandboxCtx } from '../../helpers/onboarding-sandbox.js';

let sb: Sandbox;
let t: TestCtx;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 'large' });
});
afterAll(() => sb.close());
afterEach(() => {
  t.verify();
  t.dispose();
});

function ctx() {
  return (t = sandboxCtx(sb));
}

test('ycp api /unsubscribers: one page, with its cursor', async () => {
  ctx();
  expect(await t.run(['api', '/unsubscribers', '-q', 'limit=2'])).toBe(0);
  const page = JSON.parse(t.stdout());
  expect(page).toMatchObject({ offset: 0, limit: 2, length: 2, cursor: { after: 'id:+15550007001:whatsapp' } });
  expect(t.stderr()).toBe('');
});

test('--paginate follows cursor.after to the end: every unsubscriber once', async () => {
  ctx();
  expect(await t.run(['api', '/unsubscribers', '--paginate', '--json-lines'])).toBe(0);
  const items = t.stdout().trim().split('\n').map((l) => JSON.parse(l) as { customer: string });
  expect(items).toHaveLength(253);
  expect(new Set(items.map((u) => u.customer)).size).toBe(253);
});

test('a POST the sandbox checks against the contract: a bad body is refused before sending, a good one lands', async () => {
  ctx();
  expect(await t.run(['api', '/unsubscribers', '-f', 'customer=+15550009999', '-f', 'channel=sms', '-f', 'type=PHONE_NUMBER'])).toBe(2);
  expect(t.stderr()).toContain('/channel: must be one of whatsapp');
  t.verify();
  t.dispose();
  ctx();
  expect(await t.run(['api', '/unsubscribers', '-f', 'customer=+15550009999', '-f', 'channel=whatsapp', '-f', 'type=PHONE_NUMBER', '--json-lines'])).toBe(0);
  expect(JSON.parse(t.stdout())).toMatchObject({ customer: '+15550009999', channel: 'whatsapp', source: 'API' });
  t.verify();
  t.dispose();
  ctx();
  expect(await t.run(['api', '-X', 'DELETE', '/unsubscribers/+15550009999/whatsapp', '--silent'])).toBe(0);
});
