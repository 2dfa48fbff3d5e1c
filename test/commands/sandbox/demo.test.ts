// `ycp demo` in process: the whole journey on an embedded sandbox over loopback (the built binary runs
// it in test/e2e/demo.test.ts). The sandbox moves on real time, so the ctx does too.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { createRealClock } from '../../helpers/fake-clock.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

function demoCtx(env?: Record<string, string>): TestCtx {
  const c = createTestCtx({ noKey: true, clock: createRealClock(), env });
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

  // issue 14: after `npm install` in a clone, `ycp` is not on PATH; "Now do it for real: ycp login" then fails.
  test('the closing lines run as printed: `npx ycp …` when ycp is not on PATH, `ycp …` when it is', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ycp-path-'));
    const linked = mkdtempSync(join(tmpdir(), 'ycp-path-'));
    writeFileSync(join(linked, 'ycp'), '#!/bin/sh\n');
    chmodSync(join(linked, 'ycp'), 0o755);
    try {
      t = demoCtx({ PATH: empty });
      expect(await t.run(['demo'])).toBe(0);
      expect(t.stderr()).toMatch(/Now do it for real:\n {2}npx ycp login +# store your real YCloud API key\n {2}npx ycp init +#/);
      expect(t.stderr()).toContain('ycp is not on your PATH');
      t.verify();
      t.dispose();
      t = demoCtx({ PATH: linked });
      expect(await t.run(['demo', '--json'])).toBe(0);
      expect(JSON.parse(t.stdout()).next[0]).toMatch(/^ycp login +# store your real YCloud API key$/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
      rmSync(linked, { recursive: true, force: true });
    }
  });

  test('in Chinese: every step, the closing lines and the --json report speak Chinese', async () => {
    t = demoCtx({ YCP_LANG: 'zh-CN' });
    expect(await t.run(['demo'])).toBe(0);
    expect(t.stderr()).toContain('ycp demo：在本地 YCloud 沙盒上走一遍合作伙伴流程');
    expect(t.stderr()).toMatch(/^成功 7\. 为本地验签监听器创建 webhook 端点：/m);
    expect(t.stderr()).toContain('现在来真的：');
    expect(t.stderr()).toContain('# 保存你真实的 YCloud API 密钥');
    t.verify();
    t.dispose();
    t = demoCtx({ YCP_LANG: 'zh-CN' });
    expect(await t.run(['demo', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout()).steps[0]).toMatchObject({ id: 'sandbox', title: '启动本地 YCloud 沙盒' });
  });

  test('an unexpected argument is exit 2 and runs nothing', async () => {
    t = demoCtx();
    expect(await t.run(['demo', 'now'])).toBe(2);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toContain("too many arguments for 'demo'");
  });
});
