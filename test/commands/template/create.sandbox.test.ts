// Templates against the sandbox in process: its clock is the test's fake clock, so a review that takes
// 3 s (docs/sandbox.md "Reviews") passes while `--wait` sleeps its interval.
import { afterEach, expect, test } from 'vitest';
import { SEED } from '../../../src/core/sandbox/index.js';
import { sandboxWorld, type World } from '../../helpers/onboarding-sandbox.js';

let world: World;
afterEach(() => world.dispose());
const W = SEED.wabaId;

test('create --wait: submitted, reviewed, APPROVED; then check passes for it', async () => {
  world = await sandboxWorld();
  const t = world.make();
  expect(await t.run(['template', 'create', '--waba', W, '--name', 'pickup_ready', '--language', 'en_US', '--category', 'UTILITY', '--body', 'Hi {{1}}, your order is ready.', '--example', 'Ana', '--wait', '--interval', '2s'])).toBe(0);
  expect(t.stderr()).toContain('✓ pickup_ready (en_US) is APPROVED after 3 check(s)');
  const c = world.make();
  expect(await c.run(['template', 'check', '--waba', W, 'pickup_ready', 'hello_world'])).toBe(0);
});

test('the reject marker: exit 3 with the reason; check lists it; edit sends it back to review', async () => {
  world = await sandboxWorld();
  const t = world.make({});
  expect(await t.run(['template', 'create', '--waba', W, '--name', 'reject_me', '--language', 'en', '--category', 'MARKETING', '--body', 'Big sale', '--wait', 'APPROVED', '--json'])).toBe(3);
  const last = JSON.parse(t.stdout().trim().split('\n').at(-1)!);
  expect(last.error).toMatchObject({ kind: 'pending', code: 'REJECTED', details: { reason: 'INVALID_FORMAT' } });
  const c = world.make();
  expect(await c.run(['template', 'check', '--waba', W, 'reject_me'])).toBe(3);
  expect(c.stdout()).toBe('reject_me\ten\tREJECTED\tMARKETING\tINVALID_FORMAT\n');
  const e = world.make();
  expect(await e.run(['template', 'edit', W, 'reject_me', 'en', '--body', 'Spring sale this week'])).toBe(0);
  expect(e.stderr()).toBe('✓ Edited template reject_me (en): PENDING\n');
  const d = world.make();
  expect(await d.run(['template', 'delete', W, 'reject_me', '--yes'])).toBe(0);
});
