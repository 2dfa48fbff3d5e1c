import { describe, expect, test } from 'vitest';
import { watchEndpointStatus } from '../../../src/core/webhook/watch.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { anEndpoint } from '../../helpers/builders.js';

describe('endpoint status watch', () => {
  test('reports each change of status once, and errors, every interval', async () => {
    const clock = createFakeClock();
    const ac = new AbortController();
    const statuses = ['active', 'pending', 'pending', 'active', 'disabled'];
    const seen: string[] = [];
    let calls = 0;
    const w = watchEndpointStatus({
      clock,
      signal: ac.signal,
      intervalMs: 60_000,
      get: async () => {
        const s = statuses[calls++];
        if (s === undefined) {
          ac.abort();
          throw new Error('stop');
        }
        if (calls === 3) throw new Error('network down');
        return anEndpoint({ status: s as 'active' });
      },
      onChange: (s) => seen.push(s),
      onError: (e) => seen.push(`error: ${(e as Error).message}`),
    });
    await w.done;
    expect(seen).toEqual(['pending', 'error: network down', 'active', 'disabled']);
    expect(clock.sleeps.slice(0, 5)).toEqual([60_000, 60_000, 60_000, 60_000, 60_000]);
  });

  test('interval 0 never polls', async () => {
    let calls = 0;
    const w = watchEndpointStatus({ clock: createFakeClock(), signal: new AbortController().signal, intervalMs: 0, get: async () => (calls++, anEndpoint()), onChange: () => {}, onError: () => {} });
    await w.done;
    expect(calls).toBe(0);
  });
});
