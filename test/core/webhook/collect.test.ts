// eventCollector: what the demo waits on. Already-arrived events resolve at once; later ones resolve
// the waiter whose predicate matches; a timeout or an abort rejects and leaves no waiter behind.
import { expect, test } from 'vitest';
import { eventCollector } from '../../../src/core/webhook/collect.js';
import { anEvent } from '../../helpers/webhook.js';

test('resolves with an event already collected, or with the first later match', async () => {
  const c = eventCollector();
  c.add(anEvent('evt_a_000001'));
  await expect(c.waitFor((e) => e.id === 'evt_a_000001', { timeoutMs: 1_000 })).resolves.toMatchObject({ id: 'evt_a_000001' });
  const later = c.waitFor((e) => e.id === 'evt_b_000002', { timeoutMs: 5_000 });
  c.add(anEvent('evt_c_000003'));
  c.add(anEvent('evt_b_000002'));
  await expect(later).resolves.toMatchObject({ id: 'evt_b_000002' });
  expect(c.events.map((e) => e.id)).toEqual(['evt_a_000001', 'evt_c_000003', 'evt_b_000002']);
});

test('rejects naming what it waited for after the timeout', async () => {
  const c = eventCollector();
  await expect(c.waitFor(() => false, { timeoutMs: 5, what: 'signed read event' })).rejects.toThrow('no signed read event within 5 ms');
});

test('rejects with the abort reason (Ctrl-C), before or while waiting', async () => {
  const c = eventCollector();
  const ac = new AbortController();
  const p = c.waitFor(() => true, { timeoutMs: 60_000, signal: ac.signal });
  ac.abort(new Error('cancelled'));
  await expect(p).rejects.toThrow('cancelled');
  await expect(c.waitFor(() => true, { timeoutMs: 60_000, signal: ac.signal })).rejects.toThrow('cancelled');
  c.add(anEvent('evt_d_000004')); // no waiter left to call
});
