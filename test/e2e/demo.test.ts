// `ycp demo` as a user runs it: the built binary, no account, no network, exit 0, a JSON report.
import { beforeAll, expect, test } from 'vitest';
import { expectExit, requireBuild, ycp } from '../helpers/e2e.js';

beforeAll(requireBuild);

test('--json prints one report: CONNECTED, both signed events verified, endpoint deleted', async () => {
  const r = await ycp(['demo', '--json'], { timeoutMs: 15_000 });
  expectExit(r, 0);
  const report = JSON.parse(r.stdout);
  expect(report).toMatchObject({
    ok: true,
    waba: { paymentMethodAttached: true },
    phone: { status: 'CONNECTED' },
    endpoint: { deleted: true },
    message: { template: 'hello_world', status: 'read' },
  });
  expect(report.events.map((e: { status: string }) => e.status).sort()).toEqual(['delivered', 'read']);
  expect(report.events.every((e: { verified: boolean }) => e.verified)).toBe(true);
  expect(new Set(report.events.map((e: { id: string }) => e.id)).size).toBe(2);
  // The endpoint points at the root of the `webhook listen` listener (it accepts POST on any path).
  expect(report.endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(report.steps.map((s: { id: string }) => s.id)).toEqual(['sandbox', 'signup', 'waba', 'phone', 'register', 'connected', 'webhook', 'template', 'send', 'events', 'cleanup']);
  expect(report.steps.every((s: { ok: boolean }) => s.ok)).toBe(true);
  expect(report.durationMs).toBeLessThan(10_000);
  expect(report.next.join('\n')).toMatch(/ycp login[\s\S]*ycp init[\s\S]*ycp signup serve[\s\S]*ycp webhook listen/);
  expect(r.stdout).not.toMatch(/whsec_|sbx_code_/);
});

test('without --json it narrates on stderr as plain lines and ends with the next commands', async () => {
  const r = await ycp(['demo'], { timeoutMs: 15_000 });
  expectExit(r, 0);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines.filter((l) => l.startsWith('ok '))).toHaveLength(11);
  expect(r.stderr).toMatch(/^ok 7\. Create a webhook endpoint for a local verifying listener: /m);
  expect(r.stderr).toMatch(/^ok 10\. Receive the signed delivered and read events: 2 events verified with the endpoint secret/m);
  expect(r.stderr).not.toMatch(/\u001b\[/);
  // `npx ycp …` unless ycp is on PATH (test/commands/sandbox/demo.test.ts covers both).
  expect(r.stderr).toMatch(/Now do it for real:\n {2}(npx )?ycp login/);
  expect(r.stderr).not.toMatch(/whsec_|sbx_/);
});
