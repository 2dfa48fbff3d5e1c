// `ycp demo` in process: the whole journey on an embedded sandbox over loopback (the built binary runs
// it in test/e2e/demo.test.ts). The sandbox moves on real time, so the ctx does too.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { createRealClock } from '../../helpers/fake-clock.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

function demoCtx(): TestCtx {
  const c = createTestCtx({ noKey: true, clock: createRealClock() });
  c.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
  return c;
}

describe('ycp demo', () => {
  test('--json: one report on stdout, every step ok, the endpoint deleted, nothing on stderr', async () => {
    t = demoCtx();
    expect(await t.run(['demo', '--json'])).toBe(0);
    expect(t.stderr()).toBe('');
    const report = JSON.parse(t.stdout());
    expect(report).toMatchObject({ ok: true, phone: { status: 'CONNECTED' }, endpoint: { deleted: true } });
    expect(report.steps.map((s: { id: string }) => s.id)).toEqual(['sandbox', 'signup', 'waba', 'phone', 'register', 'connected', 'webhook', 'template', 'send', 'events', 'cleanup']);
    expect(report.steps.every((s: { ok: boolean }) => s.ok)).toBe(true);
  });

  test('an unexpected argument is exit 2 and runs nothing', async () => {
    t = demoCtx();
    expect(await t.run(['demo', 'now'])).toBe(2);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toContain("too many arguments for 'demo'");
  });
});
