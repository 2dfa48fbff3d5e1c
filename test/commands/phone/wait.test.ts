import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPhoneNumber, E164, WABA_ID } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const GET = `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`;

describe('ycp phone wait', () => {
  test('exits 3 and ends the NDJSON stream with an error when the number never connects', async () => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' })).persist();
    const code = await t.run(['phone', 'wait', WABA_ID, E164, '--timeout', '30s', '--json']);
    expect(code).toBe(3);
    const lines = t.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ event: 'poll', status: 'PENDING', polls: 1 });
    expect(lines.at(-1)).toMatchObject({ error: { kind: 'pending' } });
    expect(t.stderr()).toBe('');
    expect(t.clock.elapsed()).toBe(30_000);
  });

  test('returns when CONNECTED', async () => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' })).times(3);
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'CONNECTED' }));
    expect(await t.run(['phone', 'wait', WABA_ID, E164, '--interval', '2s'])).toBe(0);
    expect(t.stdout()).toBe(`${E164}\tCONNECTED\n`);
    expect(t.stderr()).toContain('is CONNECTED after 4 checks in 6.0s');
    expect(t.clock.elapsed()).toBe(6_000);
  });

  test.each(['BANNED', 'BLOCKED', 'RESTRICTED', 'DISCONNECTED', 'MIGRATED'])('stops early on %s', async (status) => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' }));
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status }));
    expect(await t.run(['phone', 'wait', WABA_ID, E164])).toBe(3);
    expect(t.stderr()).toContain(`is ${status}: it cannot become CONNECTED without someone acting`);
    expect(t.clock.elapsed()).toBe(5_000);
  });

  test('Ctrl-C during the wait: exit 130, no stack trace', async () => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' })).persist();
    const sleep = t.clock.sleep;
    t.clock.sleep = async (ms, signal) => {
      if (t.clock.sleeps.length === 2) t.abort();
      return sleep(ms, signal);
    };
    expect(await t.run(['phone', 'wait', WABA_ID, E164])).toBe(130);
    expect(t.stderr()).toBe('cancelled\n');
  });

  test('a bad duration is exit 2', async () => {
    t = createTestCtx();
    expect(await t.run(['phone', 'wait', WABA_ID, E164, '--timeout', 'soon'])).toBe(2);
    expect(t.stderr()).toContain("error: option '--timeout <duration>' argument 'soon' is invalid. Use a number with a unit, e.g. 30s, 10m, 1h30m.");
  });

  // issue 14, tried: a number already in the wanted status said "after 1 check (0ms)".
  test('already there at the first check: said so, without "after 1 check (0ms)"', async () => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'CONNECTED' }));
    expect(await t.run(['phone', 'wait', WABA_ID, E164])).toBe(0);
    expect(t.stderr()).toBe(`✓ ${E164} is CONNECTED (it already was at the first check)\n`);
  });
});
