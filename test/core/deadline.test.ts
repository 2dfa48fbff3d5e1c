// The deadline model (issue 10 §2) through the commands, on the fake clock: every retry, backoff,
// Retry-After sleep and poll interval fits in what is left of the command's deadline, and what does not
// fit fails at once, saying why. Requests that hang are covered against real servers in
// test/e2e/deadlines.test.ts; the timer of one request is checked here with real, short timers.
import { afterEach, describe, expect, test } from 'vitest';
import { createDeadline, flagDeadline, settingDeadline } from '../../src/core/deadline.js';
import { MAX_RESPONSE_BYTES } from '../../src/core/api/body.js';
import { systemClock } from '../../src/core/clock.js';
import { createTestCtx, type TestCtx } from '../helpers/test-ctx.js';
import { until } from '../helpers/until.js';
import { msg, tm } from '../../src/i18n/index.js';
import { aMessage, aPhoneNumber, aWaba, anError, E164, WABA_ID } from '../helpers/builders.js';

let t: TestCtx | undefined;
afterEach(() => {
  t?.verify();
  t?.dispose();
  t = undefined;
});

const WABA_PATH = `/whatsapp/businessAccounts/${WABA_ID}`;
const rateLimited = (retryAfter: string) => [429, anError(429, 'TOO_MANY_REQUESTS', 'slow down'), { 'retry-after': retryAfter }] as const;

describe('Retry-After and backoff against the deadline', () => {
  test('a Retry-After longer than the deadline fails at once with the value, no sleep', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).reply(...rateLimited('61'));
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t.clock.sleeps).toEqual([]);
    expect(t.stderr()).toContain(`error: could not get WABA ${WABA_ID}: slow down (YCloud asked to wait: Retry-After: 61, more than the 1m left)`);
    expect(t.stderr()).toContain('code: TOO_MANY_REQUESTS');
    expect(t.stderr()).toMatch(/hint: try again later; ycp gives a network command 1m .*YCP_TIMEOUT/);
  });

  test('YCP_TIMEOUT makes room for it', async () => {
    t = createTestCtx({ env: { YCP_TIMEOUT: '2m' } });
    t.api.on('GET', WABA_PATH).reply(...rateLimited('61'));
    t.api.on('GET', WABA_PATH).reply(200, aWaba());
    expect(await t.run(['waba', 'get', WABA_ID, '--json'])).toBe(0);
    expect(t.clock.sleeps).toEqual([61_000]);
  });

  test('Retry-After sleeps use up the deadline: the second one no longer fits', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).reply(...rateLimited('50'));
    t.api.on('GET', WABA_PATH).reply(...rateLimited('50'));
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t.clock.sleeps).toEqual([50_000]);
    expect(t.stderr()).toContain('Retry-After: 50, more than the 10s left');
  });

  test('a backoff that does not fit is not slept: the last answer is the error', async () => {
    t = createTestCtx({ env: { YCP_TIMEOUT: '1s' } });
    t.api.on('GET', WABA_PATH).reply(503, anError(503, 'SERVICE_UNAVAILABLE', 'try later')).persist();
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t.clock.sleeps.length).toBeGreaterThan(0);
    expect(t.clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(1_000);
    expect(t.clock.elapsed()).toBeLessThan(1_000);
    expect(t.stderr()).toContain('code: SERVICE_UNAVAILABLE');
  });
});

describe('the total deadline of a one-shot command', () => {
  test('starts at the first request and covers every later one; perOperation() gives each its own', async () => {
    t = createTestCtx({ env: { YCP_TIMEOUT: '30s' } });
    t.api.on('GET', WABA_PATH).reply(200, aWaba()).times(2);
    const api = await t.ctx.api();
    t.clock.advance(3_600_000); // building the client starts nothing
    await api.getWaba(WABA_ID);
    t.clock.advance(30_000);
    await expect(api.getWaba(WABA_ID)).rejects.toMatchObject({
      kind: 'network',
      message: `could not get WABA ${WABA_ID}: no time left (30s of 30s used)`,
      info: { code: 'DEADLINE_EXCEEDED' },
    });
    await expect(api.perOperation().getWaba(WABA_ID)).resolves.toMatchObject({ id: WABA_ID });
  });

  test('the pages of one list share one deadline', async () => {
    t = createTestCtx({ env: { YCP_TIMEOUT: '10s' } });
    const page = (n: number) => `/whatsapp/businessAccounts?page=${n}&limit=100`;
    const full = Array.from({ length: 100 }, (_, i) => aWaba({ id: String(100000 + i) }));
    t.api.on('GET', page(1)).reply(...rateLimited('6'));
    t.api.on('GET', page(1)).reply(200, { offset: 0, limit: 100, length: 100, items: full });
    t.api.on('GET', page(2)).reply(...rateLimited('6'));
    expect(await t.run(['waba', 'list'])).toBe(1);
    expect(t.clock.sleeps).toEqual([6_000]);
    expect(t.stderr()).toContain('Retry-After: 6, more than the 4.0s left');
  });
});

describe('waits end at their --timeout, requests included', () => {
  test('phone wait: a check cut off by the deadline with a status in hand is "not yet" (exit 3)', async () => {
    t = createTestCtx();
    const GET = `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`;
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' })).times(2);
    const sleep = t.clock.sleep;
    // Each interval runs 4 s long (a slow machine): by the third check no time is left.
    t.clock.sleep = async (ms, signal) => {
      await sleep(ms, signal);
      t!.clock.advance(4_000);
    };
    expect(await t.run(['phone', 'wait', WABA_ID, E164, '--timeout', '10s', '--interval', '5s'])).toBe(3);
    expect(t.stderr()).toContain(`error: ${E164} is still PENDING after 14s (wanted CONNECTED)`);
  });

  test('phone wait never sleeps past its --timeout; the last check has 1 s of grace', async () => {
    t = createTestCtx();
    const GET = `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`;
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' })).persist();
    expect(await t.run(['phone', 'wait', WABA_ID, E164, '--timeout', '12s', '--interval', '5s'])).toBe(3);
    expect(t.clock.sleeps).toEqual([5_000, 5_000, 2_000]);
    expect(t.clock.elapsed()).toBe(12_000);
  });

  test('message send --wait: --timeout bounds the send and every check', async () => {
    t = createTestCtx();
    const msg = aMessage({ status: 'accepted' });
    t.api.on('POST', '/whatsapp/messages').reply(200, msg);
    t.api.on('GET', `/whatsapp/messages/${msg.id}`).reply(200, msg).persist();
    const argv = ['message', 'send', '--from', E164, '--to', '+15550002222', '--text', 'hi', '--wait', '--timeout', '5s', '--interval', '2s'];
    expect(await t.run(argv)).toBe(3);
    expect(t.clock.sleeps).toEqual([2_000, 2_000, 1_000]);
    expect(t.stderr()).toContain(`error: message ${msg.id} is still accepted after 5.0s (wanted delivered)`);
  });
});

describe('response bodies are capped', () => {
  test(`an answer larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB is exit 1, not read whole`, async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).replyRaw(200, `{"id":"${'x'.repeat(MAX_RESPONSE_BYTES)}"}`, { 'ycloud-request-id': 'req_big' });
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t.stderr()).toContain(`error: could not get WABA ${WABA_ID}: the answer is larger than 4 MiB; ycp stopped reading it`);
    expect(t.stderr()).toContain('code: RESPONSE_TOO_LARGE   request id: req_big');
  });

  test('a declared Content-Length past the cap is refused before reading', async () => {
    t = createTestCtx();
    t.api.on('GET', WABA_PATH).replyRaw(500, '{}', { 'content-length': String(MAX_RESPONSE_BYTES + 1) });
    expect(await t.run(['waba', 'get', WABA_ID, '--json'])).toBe(1);
    expect(JSON.parse(t.stdout())).toMatchObject({ error: { kind: 'api', code: 'RESPONSE_TOO_LARGE' } });
  });
});

describe('one deadline, one step', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test('a step aborts at the per-try cap ("try") or at the deadline ("deadline"), whichever comes first', async () => {
    const d = createDeadline(systemClock, 1_000, msg('http.whenAfter', { budget: '1s' }));
    const short = d.step(new AbortController().signal, 20);
    await until(() => short.signal.aborted, 'the 20 ms per-try cap to abort the step', { intervalMs: 5 });
    expect([short.signal.aborted, short.why()]).toEqual([true, 'try']);
    short.done();
    const tight = createDeadline(systemClock, 20, msg('http.whenAfter', { budget: '20ms' })).step(new AbortController().signal, 5_000);
    await until(() => tight.signal.aborted, 'the 20 ms deadline to abort the step', { intervalMs: 5 });
    expect([tight.signal.aborted, tight.why()]).toEqual([true, 'deadline']);
    expect((tight.signal.reason as Error).name).toBe('TimeoutError');
    tight.done();
  });

  test('the parent signal (Ctrl-C) aborts the step as "cancelled"; done() clears the timer', async () => {
    const parent = new AbortController();
    const s = settingDeadline(systemClock, 60_000).step(parent.signal, 30_000);
    parent.abort(Object.assign(new Error('received SIGINT'), { name: 'AbortError' }));
    expect([s.signal.aborted, s.why()]).toEqual([true, 'cancelled']);
    s.done();
    const quiet = settingDeadline(systemClock, 60_000).step(new AbortController().signal, 10);
    quiet.done();
    await sleep(40); // kept on purpose: past the 10 ms cap, the window in which a timer left running would abort
    expect(quiet.signal.aborted).toBe(false);
  });

  test('a --timeout deadline keeps a grace for the last check and names the flag', () => {
    const d = flagDeadline(systemClock, 10_000);
    expect(d.budgetMs).toBe(11_000);
    expect(d.waitRemaining()).toBeLessThanOrEqual(10_000);
    expect(tm('en', d.hint)).toBe('the wait ends at --timeout 10s (and 1s for a last check)');
  });
});
