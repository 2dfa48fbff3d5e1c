// commands/nested.ts: init runs the signup commands' handlers in process, on a child ctx.
import { afterEach, expect, test } from 'vitest';
import { runNested } from '../../src/commands/nested.js';
import { configGet } from '../../src/commands/config/get.js';
import { configPath } from '../../src/commands/config/path.js';
import { createTestCtx, type TestCtx } from '../helpers/test-ctx.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

test('a nested handler writes its results on stderr and its exit code comes back', async () => {
  t = createTestCtx();
  expect(await runNested(t.ctx, (c) => configPath(c, {}))).toBe(0);
  expect(t.stdout()).toBe('');
  expect(t.stderr()).toContain(`${t.configDir}/config.json`);
  // Its error is reported the usual way, and the code is the one it would have had on its own.
  expect(await runNested(t.ctx, (c) => configGet(c, { name: 'no-such-setting' }))).toBe(2);
  expect(t.stderr()).toContain('error: unknown setting "no-such-setting"');
});

test("the nested handler's cleanups have run when runNested returns, and the run's own ones have not", async () => {
  t = createTestCtx();
  const ran: string[] = [];
  t.ctx.defer(() => ran.push('outer'));
  expect(await runNested(t.ctx, async (c) => c.defer(() => ran.push('nested')))).toBe(0);
  expect(ran).toEqual(['nested']);
});

test('the nested ctx sees the flags it is given on top of the parent ones', async () => {
  t = createTestCtx();
  const parent = t.ctx.withFlags({ profile: 'work', settings: { graphVersion: 'v26.0' } });
  let seen: unknown;
  await runNested(parent, async (c) => void (seen = { profile: (await c.config()).profile, app: (await c.config()).get('appId'), graph: (await c.config()).get('graphVersion') }), {
    settings: { ...parent.flags.settings, appId: '123' },
  });
  expect(seen).toEqual({ profile: 'work', app: '123', graph: 'v26.0' });
});
