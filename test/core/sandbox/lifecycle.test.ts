// Time-driven behaviour on a hand-moved clock: registration → CONNECTED, the 10-per-72-h register
// limit, and messages accepted → sent → delivered → read (or failed).
import { afterEach, expect, test } from 'vitest';
import { SEED } from '../../../src/core/sandbox/index.js';
import { call, closeAll, expectError, manualClock, sandbox } from '../../helpers/sandbox.js';

afterEach(closeAll);
const W = SEED.wabaId;
const enc = encodeURIComponent;
const HOUR = 3_600_000;

test('a registered PENDING number turns CONNECTED after the (scaled) delay, not before', async () => {
  const clock = manualClock();
  const sb = await sandbox({ now: clock.now, timeScale: 2 });
  const get = async () => (await call(sb, 'GET', `/v2/whatsapp/phoneNumbers/${W}/${enc(SEED.pending.e164)}`)).body.status;
  await call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${W}/${SEED.pending.id}/register`);
  clock.advance(2_499); // 5 s nominal at ×2 = 2.5 s
  expect(await get()).toBe('PENDING');
  clock.advance(1);
  expect(await get()).toBe('CONNECTED');
});

test('register: 10 tries per number in a moving 72 h window, then 429 with Retry-After', async () => {
  const clock = manualClock();
  const sb = await sandbox({ now: clock.now, timeScale: 1 });
  const reg = () => call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${W}/${SEED.pending.id}/register`);
  for (let i = 0; i < 10; i++) {
    expect((await reg()).status).toBe(200);
    clock.advance(HOUR);
  }
  const limited = await expectError(reg(), 429, 'TOO_MANY_REQUESTS', 'phoneNumber');
  // The first try was 10 h ago: it leaves the 72 h window in 62 h.
  expect(limited.headers['retry-after']).toBe(String(62 * 3600));
  expect(limited.body.error.message).toMatch(/10 attempts per 72 hours/);
  // Other numbers have their own budget.
  expect((await call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${W}/${SEED.connected.id}/register`)).status).toBe(200);
  clock.advance(62 * HOUR);
  expect((await reg()).status).toBe(200);
  await expectError(reg(), 429, 'TOO_MANY_REQUESTS');
});

test('a BANNED number cannot register and the refusal does not use up a try', async () => {
  const sb = await sandbox();
  for (let i = 0; i < 12; i++) await expectError(call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${W}/${SEED.banned.id}/register`), 403, 'WHATSAPP_PHONE_NUMBER_UNAVAILABLE');
  expect(sb.state.phones.find((p) => p.number.id === SEED.banned.id)!.registerAttempts).toEqual([]);
});

test('message status moves accepted → sent → delivered → read with times set', async () => {
  const clock = manualClock();
  const sb = await sandbox({ now: clock.now, timeScale: 1 });
  const m = (await call(sb, 'POST', '/v2/whatsapp/messages', { body: { from: SEED.connected.e164, to: '+15550002222', type: 'text', text: { body: 'hi' } } })).body;
  const get = async () => (await call(sb, 'GET', `/v2/whatsapp/messages/${m.id}`)).body;
  expect(m.status).toBe('accepted');
  expect(m).not.toHaveProperty('wamid');
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    seen.push((await get()).status);
    clock.advance(1_000);
  }
  expect(seen).toEqual(['accepted', 'sent', 'delivered', 'delivered', 'read']);
  const done = await get();
  expect(done.wamid).toMatch(/^wamid\./);
  expect(done).toHaveProperty('sendTime');
  expect(done).toHaveProperty('deliverTime');
  expect(done).toHaveProperty('readTime');
});

test('the failing recipient ends in failed with an error code', async () => {
  const clock = manualClock();
  const sb = await sandbox({ now: clock.now });
  const m = (await call(sb, 'POST', '/v2/whatsapp/messages', { body: { from: SEED.connected.e164, to: SEED.failingRecipient, type: 'text', text: { body: 'hi' } } })).body;
  clock.advance(10_000);
  const done = (await call(sb, 'GET', `/v2/whatsapp/messages/${m.id}`)).body;
  expect(done).toMatchObject({ status: 'failed', errorCode: '131026', errorMessage: 'Message undeliverable.' });
});
