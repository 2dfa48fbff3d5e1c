import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPhoneNumber, anError, E164, PHONE_ID, WABA_ID } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const GET = `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`;
const REGISTER = `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`;

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
