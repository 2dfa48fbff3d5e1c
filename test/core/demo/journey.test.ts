// The demo journey in process, on the system clock (the sandbox signs with real time, and the listener
// checks the signature's timestamp against ctx.clock). The interesting case is Ctrl-C: the cleanups
// run after ctx.signal aborted, and deleting the webhook endpoint must still work (apiForCleanup).
import { expect, test } from 'vitest';
import { Agent } from 'undici';
import { systemClock } from '../../../src/core/clock.js';
import { undiciTransport } from '../../../src/core/api/transport-undici.js';
import { runJourney, type JourneyStep } from '../../../src/core/demo/journey.js';

function demoCtx() {
  const controller = new AbortController();
  const defers: (() => unknown)[] = [];
  const agent = new Agent();
  const debug: string[] = [];
  return {
    controller,
    debug,
    ctx: {
      clock: systemClock,
      signal: controller.signal,
      defer: (fn: () => unknown) => void defers.push(fn),
      transport: async () => undiciTransport(agent),
      debug: (line: string) => void debug.push(line),
    },
    /** As the real cleanup does: last deferred first; a throw here would be "warning: cleanup failed". */
    async cleanup() {
      while (defers.length) await defers.pop()!();
      await agent.close();
    },
  };
}

test('runs the whole journey: both signed events verified by the webhook listener, endpoint deleted', async () => {
  const d = demoCtx();
  try {
    const report = await runJourney(d.ctx);
    expect(report.ok).toBe(true);
    expect(report.events.map((e) => e.status).sort()).toEqual(['delivered', 'read']);
    expect(report.endpoint).toMatchObject({ deleted: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/) });
  } finally {
    await d.cleanup();
  }
  expect(d.debug.filter((l) => /DELETE .*webhookEndpoints/.test(l))).toHaveLength(1);
});

test('Ctrl-C while waiting for the events: the wait stops, and the cleanup still deletes the endpoint', async () => {
  const d = demoCtx();
  const steps: JourneyStep[] = [];
  const run = runJourney(d.ctx, {
    onStep(s) {
      steps.push(s);
      if (s.id === 'send') d.controller.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    },
  });
  await expect(run).rejects.toThrow(/cancel|abort/i);
  expect(steps.at(-1)).toMatchObject({ id: 'events', ok: false });
  // The deferred DELETE runs on its own client; on the aborted one it would throw at once.
  await expect(d.cleanup()).resolves.toBeUndefined();
  const deletes = d.debug.filter((l) => /DELETE .*webhookEndpoints/.test(l));
  expect(deletes.length).toBeGreaterThanOrEqual(1);
});
