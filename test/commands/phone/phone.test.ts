import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPage, aPhoneNumber, anError, E164, PHONE_ID, WABA_ID } from '../../helpers/builders.js';
import { YcpError } from '../../../src/core/errors.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const LIST = `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`;
const GET = `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`;
const REGISTER = `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`;

describe('ycp phone list', () => {
  const numbers = [
    aPhoneNumber(),
    aPhoneNumber({ id: '2234567890123456', phoneNumber: '+15550003333', status: 'PENDING', verifiedName: 'Other' }),
  ];

  test('TTY: aligned table with header', async () => {
    t = createTestCtx({ stdoutTTY: true });
    t.api.on('GET', '/whatsapp/phoneNumbers?page=1&limit=100').reply(200, aPage(numbers));
    expect(await t.run(['phone', 'list'])).toBe(0);
    expect(t.stdout()).toBe(
      'ID                NUMBER        STATUS     WABA             NAME              QUALITY\n' +
        "1234567890123456  +15550001111  CONNECTED  104996844321234  John's Cake Shop  GREEN\n" +
        '2234567890123456  +15550003333  PENDING    104996844321234  Other             GREEN\n',
    );
  });

  test('not a TTY: tab-separated rows, no header; --status filters on the client', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage(numbers));
    expect(await t.run(['phones', 'list', '--waba', WABA_ID, '--status', 'PENDING'])).toBe(0);
    expect(t.stdout()).toBe('2234567890123456\t+15550003333\tPENDING\t104996844321234\tOther\tGREEN\n');
  });

  test('a bad --status is exit 2 with the choices', async () => {
    t = createTestCtx();
    expect(await t.run(['phone', 'list', '--status', 'ONLINE'])).toBe(2);
    expect(t.stderr()).toContain('Allowed choices are PENDING');
  });
});

describe('ycp phone get', () => {
  test('by E.164', async () => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber());
    expect(await t.run(['phone', 'get', WABA_ID, E164, '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toMatchObject({ id: PHONE_ID, status: 'CONNECTED' });
  });

  test('by ID resolves through the list', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage([aPhoneNumber()]));
    expect(await t.run(['phone', 'get', WABA_ID, PHONE_ID])).toBe(0);
    expect(t.stdout()).toContain(`id\t${PHONE_ID}`);
  });

  test('an unknown ID is exit 1 naming the list command', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage([]));
    expect(await t.run(['phone', 'get', WABA_ID, '999'])).toBe(1);
    expect(t.stderr()).toContain(`no phone number with ID 999 in WABA ${WABA_ID}`);
    expect(t.stderr()).toContain(`ycp phone list --waba ${WABA_ID}`);
  });

  test('non-numeric WABA → exit 2, no request', async () => {
    t = createTestCtx();
    expect(await t.run(['phone', 'get', 'abc', E164])).toBe(2);
  });

  test('bad E.164 → exit 2, no request', async () => {
    t = createTestCtx();
    expect(await t.run(['phone', 'get', WABA_ID, '+12'])).toBe(2);
    expect(t.stderr()).toContain('E.164');
  });
});

describe('ycp phone register', () => {
  test('skips a number that is already CONNECTED', async () => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber());
    expect(await t.run(['phone', 'register', WABA_ID, E164])).toBe(0);
    expect(t.stderr()).toContain('already CONNECTED; nothing to do');
  });

  test('asks for confirmation on a TTY, then registers by ID once', async () => {
    t = createTestCtx({ stdinTTY: true, stdoutTTY: true, answers: { '--yes': true } });
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' }));
    t.api.on('POST', REGISTER).reply(200, aPhoneNumber({ status: 'PENDING' }));
    expect(await t.run(['phone', 'register', WABA_ID, E164])).toBe(0);
    expect(t.questions).toEqual(['--yes']);
    expect(t.stderr()).toContain(`next: ycp phone wait ${WABA_ID} ${E164}`);
  });

  test('declining changes nothing: exit 130', async () => {
    t = createTestCtx({ stdinTTY: true, stdoutTTY: true, answers: { '--yes': false } });
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' }));
    expect(await t.run(['phone', 'register', WABA_ID, E164])).toBe(130);
  });

  test('not interactive without --yes: exit 2 naming --yes, nothing registered', async () => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' }));
    expect(await t.run(['phone', 'register', WABA_ID, E164])).toBe(2);
    expect(t.stderr()).toContain('--yes is required when not interactive');
  });

  test('a register error shows the code and request id', async () => {
    t = createTestCtx();
    t.api.on('GET', GET).reply(200, aPhoneNumber({ status: 'PENDING' }));
    t.api.on('POST', REGISTER).reply(403, anError(403, 'WHATSAPP_PHONE_NUMBER_UNAVAILABLE', 'the phone number is unavailable'));
    expect(await t.run(['phone', 'register', WABA_ID, E164, '--yes'])).toBe(1);
    expect(t.stderr()).toContain(`error: could not register phone number ${PHONE_ID}: the phone number is unavailable`);
    expect(t.stderr()).toContain('code: WHATSAPP_PHONE_NUMBER_UNAVAILABLE   request id: req_1KjtKI80IKoaJNa6n6p');
  });
});

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
    expect(t.stderr()).toContain('is CONNECTED after 4 checks (6.0s)');
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
    expect(t.stderr()).toContain('invalid duration "soon"');
  });
});

describe('ycp phone check', () => {
  const numbers = [
    aPhoneNumber(),
    aPhoneNumber({ id: '2234567890123456', phoneNumber: '+15550003333', status: 'DISCONNECTED' }),
  ];

  test('exit 0 when every number is CONNECTED', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage([numbers[0]!]));
    expect(await t.run(['phone', 'check', '--waba', WABA_ID])).toBe(0);
    expect(t.stderr()).toBe('all 1 number CONNECTED\n');
  });

  test('exit 3 listing the offenders; --json carries the report', async () => {
    t = createTestCtx();
    t.api.on('GET', LIST).reply(200, aPage(numbers));
    expect(await t.run(['phone', 'check', '--waba', WABA_ID, '--json'])).toBe(3);
    const doc = JSON.parse(t.stdout());
    expect(doc.error).toMatchObject({ kind: 'pending', message: '1 of 2 numbers are not CONNECTED' });
    expect(doc.error.details.offenders).toEqual([
      { phone: '+15550003333', id: '2234567890123456', e164: '+15550003333', wabaId: WABA_ID, status: 'DISCONNECTED', ok: false },
    ]);
  });

  test('named numbers that do not exist are offenders', async () => {
    t = createTestCtx();
    t.api.on('GET', '/whatsapp/phoneNumbers?page=1&limit=100').reply(200, aPage(numbers));
    expect(await t.run(['phone', 'check', E164, '+15550009999'])).toBe(3);
    expect(t.stdout()).toBe('+15550009999\t\t\tNOT_FOUND\n');
  });

  test('thousands of numbers cost one request per 100', async () => {
    t = createTestCtx();
    for (let page = 1; page <= 30; page++) {
      const items = Array.from({ length: 100 }, (_, i) => aPhoneNumber({ id: String(page * 1000 + i), phoneNumber: `+1555${String(page * 1000 + i).padStart(7, '0')}` }));
      t.api.on('GET', `/whatsapp/phoneNumbers?page=${page}&limit=100`).reply(200, aPage(items, { page }));
    }
    t.api.on('GET', '/whatsapp/phoneNumbers?page=31&limit=100').reply(200, aPage([], { page: 31 }));
    expect(await t.run(['phone', 'check'])).toBe(0);
    expect(t.api.requests).toHaveLength(31);
  });
});

void YcpError;
