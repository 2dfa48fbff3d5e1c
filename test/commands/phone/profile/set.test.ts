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

test('only the fields given are sent; the vertical is upper-cased', async () => {
  t = createTestCtx();
  t.api.on('GET', BASE).reply(200, aPhoneNumber());
  t.api.on('PATCH', `${BASE}/profile`).reply(200, { about: 'Fresh bread daily', vertical: 'RETAIL', websites: ['https://a.example', 'http://b.example'] });
  expect(await t.run(['phone', 'profile', 'set', WABA_ID, E164, '--about', 'Fresh bread daily', '--vertical', 'retail', '--website', 'https://a.example', '--website', 'http://b.example'])).toBe(0);
  expect(t.api.requests.at(-1)!.body).toEqual({ about: 'Fresh bread daily', websites: ['https://a.example', 'http://b.example'], vertical: 'RETAIL' });
  expect(t.stderr()).toBe('✓ Updated the profile of +15550001111\n');
});

test.each([
  [['--website', 'https://a.example', '--website', 'https://b.example', '--website', 'https://c.example'], '/websites: at most 2 entries'],
  [['--website', 'ftp://files.example'], 'the website "ftp://files.example" must start with http:// or https://'],
  [['--website', 'acme.example'], 'the website "acme.example" must start with http:// or https://'],
  [['--vertical', 'SHOES'], "argument 'SHOES' is invalid. Allowed choices are OTHER, AUTO, BEAUTY,"],
  [['--about', 'x'.repeat(140)], '/about: at most 139 characters'],
  [['--about', ''], '/about: at least 1 characters'],
  [['--address', 'y'.repeat(257)], '/address: at most 256 characters'],
  [['--description', 'z'.repeat(513)], '/description: at most 512 characters'],
  [['--email', 'not-an-email'], 'the email "not-an-email" is not an email address'],
  [[], 'nothing to set: give at least one of --about'],
])('%j is exit 2 with the reason, nothing sent', async (flags, reason) => {
  t = createTestCtx();
  expect(await t.run(['phone', 'profile', 'set', WABA_ID, E164, ...flags])).toBe(2);
  expect(t.stderr()).toContain(reason);
  expect(t.api.requests).toEqual([]);
});

test('against the sandbox: set, then get shows it', async () => {
  const world = await sandboxWorld();
  try {
    const a = world.make();
    expect(await a.run(['phone', 'profile', 'set', SEED.wabaId, SEED.connected.id, '--about', 'Fresh bread daily', '--email', 'hi@acme.example'])).toBe(0);
    const b = world.make();
    expect(await b.run(['phone', 'profile', 'get', SEED.wabaId, SEED.connected.e164, '--json'])).toBe(0);
    expect(JSON.parse(b.stdout())).toMatchObject({ about: 'Fresh bread daily', email: 'hi@acme.example', verifiedName: 'Acme Bakery' });
  } finally {
    await world.dispose();
  }
});
