// The built `ycp` against the sandbox for the commands of issue 13: ycp api, templates, balance, number
// profile and display name, open, the forwarding secret, and a phone check past 10,000 numbers.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SEED, startSandbox, type Sandbox } from '../../src/core/sandbox/index.js';
import { bulkNumber } from '../../src/core/sandbox/routes/scale.js';
import { expectExit, requireBuild, ycp } from '../helpers/e2e.js';
import { control } from '../helpers/sandbox.js';

let sb: Sandbox;
const W = SEED.wabaId;
const run = (args: string[], env?: Record<string, string>, timeoutMs?: number) => ycp(args, { baseUrl: sb.baseUrl, apiKey: sb.apiKey, env, timeoutMs });

beforeAll(async () => {
  requireBuild();
  sb = await startSandbox({ port: 0, timeScale: 1_000 });
});
afterAll(() => sb.close());
beforeEach(() => control(sb, 'POST', '/reset'));

describe('ycp api', () => {
  test('reaches the unsubscriber list (no command of its own) with cursor paging; a typo is exit 2', async () => {
    const r = await run(['api', '/unsubscribers', '--paginate']);
    expectExit(r, 0);
    expect(JSON.parse(r.stdout).map((u: { customer: string }) => u.customer)).toEqual(['+15550007000', '+15550007001', '+15550007002']);
    const typo = await run(['api', '/unsubscriber']);
    expectExit(typo, 2);
    expect(typo.stderr).toContain('did you mean /unsubscribers (GET, POST)?');
  });
});

describe('templates', () => {
  test('create --wait follows the review to APPROVED; a bad template is exit 2; check gates on the REJECTED one', async () => {
    const made = await run(['template', 'create', '--waba', W, '--name', 'pickup_ready', '--language', 'en_US', '--category', 'UTILITY', '--body', 'Hi {{1}}, your order is ready.', '--example', 'Ana', '--wait', '--interval', '100ms', '--json']);
    expectExit(made, 0);
    expect(JSON.parse(made.stdout.trim().split('\n').at(-1)!)).toMatchObject({ event: 'done', status: 'APPROVED' });
    const bad = await run(['template', 'create', '--waba', W, '--name', 'pickup_ready', '--language', 'en_US', '--category', 'UTILITY', '--body', 'Hi {{2}}']);
    expectExit(bad, 2);
    expect(bad.stderr).toContain('would be rejected');
    const check = await run(['template', 'check', '--waba', W, 'pickup_ready', 'promo_blast']);
    expectExit(check, 3);
    expect(check.stdout).toBe('promo_blast\ten\tREJECTED\tMARKETING\tINVALID_FORMAT');
    expectExit(await run(['template', 'get', W, 'pickup_ready', 'en_US']), 0);
  });
});

describe('balance, profile, display name, open, forwarding secret', () => {
  test('balance: 100 USD; --min 1000 is exit 3; a bad amount exit 2', async () => {
    const r = await run(['balance']);
    expectExit(r, 0);
    expect(r.stdout).toBe('100.00\tUSD');
    expectExit(await run(['balance', '--min', '1000']), 3);
    expectExit(await run(['balance', '--min', 'lots']), 2);
  });

  test('profile set/get and a display name followed to APPROVED', async () => {
    expectExit(await run(['phone', 'profile', 'set', W, SEED.connected.e164, '--about', 'Fresh bread daily', '--vertical', 'retail']), 0);
    const got = await run(['phone', 'profile', 'get', W, SEED.connected.id, '--json']);
    expect(JSON.parse(got.stdout)).toMatchObject({ about: 'Fresh bread daily', vertical: 'RETAIL' });
    expectExit(await run(['phone', 'profile', 'set', W, SEED.connected.e164, '--website', 'ftp://x.example']), 2);
    const dn = await run(['phone', 'display-name', 'set', W, SEED.connected.e164, 'Acme Bakery Shop', '--wait', '--interval', '100ms']);
    expectExit(dn, 0);
    expect(dn.stdout).toBe('+15550001111\tAPPROVED');
  });

  test('open prints the filled URL when not on a terminal; listen --print-secret prints the secret alone', async () => {
    const o = await run(['open', 'login-configurations'], { YCP_APP_ID: '1234567890' });
    expectExit(o, 0);
    expect(o.stdout).toBe('https://developers.facebook.com/apps/1234567890/business-login/configurations/');
    const s = await run(['webhook', 'listen', '--print-secret']);
    expectExit(s, 0);
    expect(s.stdout).toMatch(/^whsec_[0-9a-f]{32}$/);
    expect(s.stderr).toBe('');
  });
});

test('phone check over 10,050 numbers finds the BANNED number 10,040 (paced reads, split per WABA)', async () => {
  await control(sb, 'POST', '/reset', { seed: 'empty' });
  await control(sb, 'POST', '/phoneNumbers/bulk', { count: 10_050, wabas: 3, banned: [10_040] });
  const r = await run(['phone', 'check'], undefined, 60_000);
  expectExit(r, 3);
  expect(r.stdout).toBe(`${bulkNumber(10_040, 3).e164}\t${bulkNumber(10_040, 3).id}\t${bulkNumber(10_040, 3).wabaId}\tBANNED`);
}, 70_000);
