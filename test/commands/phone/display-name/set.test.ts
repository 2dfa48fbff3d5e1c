import { afterEach, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../../helpers/test-ctx.js';
import { E164, WABA_ID, aPhoneNumber } from '../../../helpers/builders.js';
import { sandboxWorld } from '../../../helpers/onboarding-sandbox.js';
import { SEED } from '../../../../src/core/sandbox/index.js';

let t: TestCtx | undefined;
afterEach(() => {
  t?.verify();
  t?.dispose();
  t = undefined;
});
const BASE = `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`;
const asked = { verifiedName: 'Acme Bakery', nameStatus: 'APPROVED', newName: 'Acme Bakery Shop', newNameStatus: 'PENDING_REVIEW' };

test('requests the name: PENDING_REVIEW, and says how to follow it', async () => {
  t = createTestCtx();
  t.api.on('GET', BASE).reply(200, aPhoneNumber());
  t.api.on('PATCH', `${BASE}/displayName`).reply(200, asked);
  expect(await t.run(['phone', 'display-name', 'set', WABA_ID, E164, 'Acme Bakery Shop'])).toBe(0);
  expect(t.api.requests.at(-1)!.body).toEqual({ newName: 'Acme Bakery Shop' });
  expect(t.stdout()).toBe('+15550001111\tPENDING_REVIEW\n');
  expect(t.stderr()).toContain('Meta reviews display names; follow it with --wait');
});

test('--wait follows newNameStatus to APPROVED (NDJSON under --json)', async () => {
  t = createTestCtx();
  t.api.on('GET', BASE).reply(200, aPhoneNumber());
  t.api.on('PATCH', `${BASE}/displayName`).reply(200, asked);
  t.api.on('GET', `${BASE}/profile`).reply(200, asked);
  t.api.on('GET', `${BASE}/profile`).reply(200, { verifiedName: 'Acme Bakery Shop', nameStatus: 'APPROVED', newNameStatus: 'NONE' });
  expect(await t.run(['phone', 'display-name', 'set', WABA_ID, E164, 'Acme Bakery Shop', '--wait', '--json'])).toBe(0);
  const lines = t.stdout().trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => [l.event, l.status])).toEqual([['requested', undefined], ['poll', 'PENDING_REVIEW'], ['poll', 'APPROVED'], ['done', 'APPROVED']]);
});

test('--wait: DECLINED is exit 3 at once, with the reason the number carries', async () => {
  t = createTestCtx();
  t.api.on('GET', BASE).reply(200, aPhoneNumber());
  t.api.on('PATCH', `${BASE}/displayName`).reply(200, asked);
  t.api.on('GET', `${BASE}/profile`).reply(200, { ...asked, newNameStatus: 'DECLINED' });
  t.api.on('GET', BASE).reply(200, aPhoneNumber({ newNameStatus: 'DECLINED', rejectionReason: 'NAME_TOO_GENERIC' }));
  expect(await t.run(['phone', 'display-name', 'set', WABA_ID, E164, 'Acme Bakery Shop', '--wait'])).toBe(3);
  expect(t.stderr()).toContain('error: "Acme Bakery Shop" was DECLINED by Meta: NAME_TOO_GENERIC\ncode: DECLINED\n');
});

test('a name of 2 or 151 characters, or with spaces around it, is exit 2 and nothing is sent', async () => {
  for (const name of ['AB', 'x'.repeat(151), ' Acme ']) {
    t = createTestCtx();
    expect(await t.run(['phone', 'display-name', 'set', WABA_ID, E164, name])).toBe(2);
    expect(t.stderr()).toMatch(/^error: the display name ".*" would be refused: /);
    expect(t.api.requests).toEqual([]);
    t.verify();
    t.dispose();
  }
  t = undefined;
});

test('against the sandbox: --wait sees the name approved; a name with "WhatsApp" is declined (exit 3)', async () => {
  const world = await sandboxWorld();
  try {
    const a = world.make();
    expect(await a.run(['phone', 'display-name', 'set', SEED.wabaId, SEED.connected.e164, 'Acme Bakery Shop', '--wait', '--interval', '2s'])).toBe(0);
    expect(a.stdout()).toBe('+15550001111\tAPPROVED\n');
    const b = world.make();
    expect(await b.run(['phone', 'display-name', 'set', SEED.wabaId, SEED.connected.e164, 'WhatsApp Bakery', '--wait', '--interval', '2s'])).toBe(3);
    expect(b.stderr()).toContain('"WhatsApp Bakery" was DECLINED by Meta: The display name may not contain WhatsApp or Meta');
  } finally {
    await world.dispose();
  }
});
