// Webhook delivery: signed exactly as YCloud signs (CONTRACT §12), shaped like `Event`, retried on the
// YCloud schedule (scaled), and never sent to disabled / pending / deleted endpoints.
import { afterEach, expect, test } from 'vitest';
import { SEED, type Sandbox } from '../../../src/core/sandbox/index.js';
import { computeSignature, parseSignatureHeader } from '../../../src/core/webhook/signature.js';
import { RETRY_SCHEDULE_MS } from '../../../src/core/sandbox/world.js';
import { schemaErrors } from '../../helpers/contract.js';
import { call, closeAll, sandbox, startReceiver, type Receiver } from '../../helpers/sandbox.js';
import { until } from '../../helpers/until.js';

let receivers: Receiver[] = [];
afterEach(async () => {
  await closeAll();
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});

async function setup(timeScale: number, events = ['whatsapp.message.updated']) {
  const sb = await sandbox({ timeScale });
  const rx = await startReceiver();
  receivers.push(rx);
  const ep = (await call(sb, 'POST', '/v2/webhookEndpoints', { body: { url: rx.url, enabledEvents: events } })).body;
  rx.setSecrets([ep.secret]);
  return { sb, rx, ep };
}

const send = (sb: Sandbox, to = '+15550002222') =>
  call(sb, 'POST', '/v2/whatsapp/messages', { body: { from: SEED.connected.e164, to, type: 'text', text: { body: 'hi' } } }).then((a) => a.body);
const statusOf = (e: Record<string, unknown>) => (e.whatsappMessage as { status: string }).status;
const messageIdOf = (e: Record<string, unknown>) => (e.whatsappMessage as { id: string }).id;
/** Every status change of the message has happened (and so every event for it was emitted). */
const allStatusesDone = (sb: Sandbox, id: string) => sb.state.messages.find((r) => r.message.id === id)?.plan.length === 0;

test('message status events arrive signed with the endpoint secret and shaped like Event', async () => {
  const { sb, rx, ep } = await setup(1_000);
  const m = await send(sb);
  const read = await rx.waitFor((e) => statusOf(e) === 'read', 5_000);
  await sb.idle();
  expect(rx.rejected).toEqual([]);
  expect(rx.events.map(statusOf).sort()).toEqual(['delivered', 'read', 'sent']);
  for (const e of rx.events) {
    expect(schemaErrors('Event', e)).toEqual([]);
    expect(e).toMatchObject({ type: 'whatsapp.message.updated', apiVersion: 'v2', whatsappMessage: { id: m.id } });
  }
  expect(read.id).toMatch(/^evt_/);
  const log = sb.state.deliveries.filter((d) => d.outcome === 'delivered');
  expect(log).toHaveLength(3);
  expect(log.every((d) => d.endpointId === ep.id)).toBe(true);
  expect(log.map((d) => d.eventId).sort()).toEqual(rx.events.map((e) => e.id).sort());
});

test('the signature is HMAC-SHA256 over `${t}.${raw body}` keyed with the whole whsec_ secret', async () => {
  const sb = await sandbox({ timeScale: 1_000 });
  let seen: { header: string; body: string; ct: string } | undefined;
  const { createServer } = await import('node:http');
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen = { header: String(req.headers['ycloud-signature']), body, ct: String(req.headers['content-type']) };
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  const ep = (await call(sb, 'POST', '/v2/webhookEndpoints', { body: { url: `http://127.0.0.1:${port}/x`, enabledEvents: ['whatsapp.phone_number.quality_updated'] } })).body;
  await call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${SEED.wabaId}/${SEED.pending.id}/register`);
  await expect.poll(() => seen, { timeout: 5_000 }).toBeDefined();
  srv.close();
  const parsed = parseSignatureHeader(seen!.header)!;
  expect(parsed.s).toBe(computeSignature(ep.secret, parsed.t, seen!.body));
  expect(Math.abs(parsed.t - Date.now() / 1000)).toBeLessThan(5);
  expect(seen!.ct).toBe('application/json');
  expect(JSON.parse(seen!.body).whatsappPhoneNumber).toMatchObject({ status: 'CONNECTED', qualityUpdateEvent: 'ONBOARDING' });
});

test('failed deliveries are retried on the scaled schedule with the same event and body', async () => {
  const { sb, rx } = await setup(10_000, ['whatsapp.phone_number.quality_updated']);
  rx.failNext(3, 503);
  await call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${SEED.wabaId}/${SEED.pending.id}/register`);
  await rx.waitFor(() => true, 5_000);
  await sb.idle();
  const log = sb.state.deliveries;
  expect(log.map((d) => [d.attempt, d.outcome, d.status])).toEqual([
    [1, 'failed', 503], [2, 'failed', 503], [3, 'failed', 503], [4, 'delivered', 204],
  ]);
  expect(new Set(log.map((d) => d.eventId)).size).toBe(1);
  // The gaps follow 10 s, 30 s, 5 min at ×10,000: 1, 3, 30 ms (timers add a little).
  const at = log.map((d) => Date.parse(d.at));
  expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(RETRY_SCHEDULE_MS[2] / 10_000);
});

test('after the 7th retry fails the event is dropped and the endpoint moves to pending', async () => {
  const { sb, rx, ep } = await setup(200_000, ['whatsapp.phone_number.quality_updated']);
  rx.failNext(100);
  await call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${SEED.wabaId}/${SEED.pending.id}/register`);
  await expect.poll(() => sb.state.deliveries.at(-1)?.outcome, { timeout: 10_000 }).toBe('dropped');
  expect(sb.state.deliveries).toHaveLength(8);
  expect((await call(sb, 'GET', `/v2/webhookEndpoints/${ep.id}`)).body.status).toBe('pending');
});

test('disabled and pending endpoints receive nothing; active again receives', async () => {
  const { sb, rx, ep } = await setup(1_000);
  for (const status of ['disabled', 'pending']) {
    await call(sb, 'PATCH', `/v2/webhookEndpoints/${ep.id}`, { body: { status } });
    const m = await send(sb);
    await until(() => allStatusesDone(sb, m.id), `message ${m.id} to reach read`);
    await sb.idle();
    expect(rx.events).toEqual([]);
  }
  await call(sb, 'PATCH', `/v2/webhookEndpoints/${ep.id}`, { body: { status: 'active' } });
  const m = await send(sb);
  await rx.waitFor((e) => messageIdOf(e) === m.id && statusOf(e) === 'read', 5_000);
});

test('out-of-order mode sends read before delivered', async () => {
  const { sb, rx } = await setup(1_000);
  await call(sb, 'POST', '/_sandbox/config', { body: { outOfOrderEvents: true } });
  await send(sb);
  await rx.waitFor((e) => statusOf(e) === 'delivered', 5_000);
  await sb.idle();
  const order = sb.state.deliveries.map((d) => d.eventId);
  const byId = new Map(rx.events.map((e) => [e.id, statusOf(e)]));
  expect(order.map((id) => byId.get(id))).toEqual(['sent', 'read', 'delivered']);
});

test('after rotateSecret deliveries are signed with the new secret only', async () => {
  const { sb, rx, ep } = await setup(1_000);
  const rotated = (await call(sb, 'POST', `/v2/webhookEndpoints/${ep.id}/rotateSecret`)).body;
  const first = await send(sb);
  await until(() => allStatusesDone(sb, first.id), `message ${first.id} to reach read`);
  await sb.idle();
  expect(rx.rejected.length).toBeGreaterThan(0);
  expect(rx.rejected[0]!.reason).toBe('no-matching-secret');
  rx.setSecrets([rotated.secret]);
  const m = await send(sb);
  await rx.waitFor((e) => messageIdOf(e) === m.id, 5_000);
});

test('an endpoint nobody listens on: each attempt is logged failed with the connection error, then retried', async () => {
  const sb = await sandbox({ timeScale: 200_000 });
  const { createServer } = await import('node:http');
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r())); // the port is free again: connections are refused
  await call(sb, 'POST', '/v2/webhookEndpoints', { body: { url: `http://127.0.0.1:${port}/gone`, enabledEvents: ['whatsapp.phone_number.quality_updated'] } });
  await call(sb, 'POST', `/v2/whatsapp/phoneNumbers/${SEED.wabaId}/${SEED.pending.id}/register`);
  await expect.poll(() => sb.state.deliveries.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
  const [first, second] = sb.state.deliveries;
  expect(first).toMatchObject({ attempt: 1, outcome: 'failed', error: 'ECONNREFUSED' });
  expect(first!.status).toBeUndefined();
  expect(second).toMatchObject({ attempt: 2, eventId: first!.eventId });
});
