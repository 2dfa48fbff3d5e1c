// What `status` knows and how (issue 12 §4): each item is verified (ycp checked it live, or a real signup
// through the partner's page proved it), attested (the person said so, with when) or to do. `init --yes`
// never attests; person-only items need --attest or a yes at the prompt; `status --exit-status` stays 3
// until they are given; --require-verified takes only what ycp could check; version 1 profiles migrate.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPage, aPhoneNumber, aWaba, E164, PHONE_ID, WABA_ID } from '../../helpers/builders.js';
import { ALL_ATTEST, APP_ID, CONFIG_ID, HOOK_URL, SOLUTION_ID, finishedProfile, finishedProfileV1, stubBalance, stubLists } from '../../helpers/onboarding.js';
import { aPageDir, startServe } from '../../helpers/signup.js';
import { ALL_PERSON_ITEMS } from '../../../src/core/checklist/types.js';

const made: TestCtx[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of made.splice(0)) {
    t.verify();
    t.dispose();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'ycp-evidence-'));
  dirs.push(d);
  return d;
}
function make(configDir: string, o: Parameters<typeof createTestCtx>[0] = {}): TestCtx {
  const t = createTestCtx({ ...o, env: { YCP_CONFIG_DIR: configDir, ...o.env } });
  made.push(t);
  return t;
}
/** YCloud as it stands after a first signup: the WABA, its CONNECTED number, the production endpoint. */
function stubReady(t: TestCtx) {
  stubBalance(t);
  stubLists(t);
}
const kinds = (doc: { steps: { kind: string }[] }) => doc.steps.map((s) => s.kind);
const states = (doc: { steps: { state: string }[] }) => doc.steps.map((s) => s.state);

describe('evidence kinds', () => {
  test('init --yes with every flag leaves status --exit-status at 3 until the person-only items are attested', async () => {
    const cfg = tmp();
    const flags = ['--app-id', APP_ID, '--solution-id', SOLUTION_ID, '--config-id', CONFIG_ID, '--webhook-url', HOOK_URL, '--page-dir', join(cfg, 'page')];
    const a = make(cfg);
    stubReady(a);
    expect(await a.run(['init', '--yes', ...flags])).toBe(3);
    expect(a.stderr()).toContain('error: 19 items only you can confirm are not attested yet');

    const s1 = make(cfg);
    stubReady(s1);
    expect(await s1.run(['status', '--exit-status', '--json'])).toBe(3);
    const before = JSON.parse(s1.stdout());
    expect(kinds(before)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo', 'verified', 'verified', 'todo', 'todo']);

    // Everything but "app switched to Live": Meta's turn, a normal waiting state.
    const b = make(cfg);
    stubReady(b);
    const allButLive = ALL_PERSON_ITEMS.filter((i) => i !== 'app-live').join(',');
    expect(await b.run(['init', '--yes', '--attest', allButLive])).toBe(3);
    const s2 = make(cfg);
    stubReady(s2);
    expect(await s2.run(['status', '--exit-status', '--json'])).toBe(3);
    const waiting = JSON.parse(s2.stdout());
    expect(states(waiting)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done', 'waiting', 'todo']);
    expect(waiting.steps[7]).toMatchObject({ state: 'waiting', blocker: "Meta's App Review is not approved yet" });
    expect(waiting.steps[7].evidence.at(-1)).toBe('to confirm: --attest app-live');

    const c = make(cfg);
    stubReady(c);
    expect(await c.run(['init', '--attest', 'app-live'])).toBe(0);
    expect(c.stderr()).toContain('All nine steps are done');

    const s3 = make(cfg);
    stubReady(s3);
    expect(await s3.run(['status', '--exit-status', '--json'])).toBe(0);
    const doc = JSON.parse(s3.stdout());
    expect(doc).toMatchObject({ complete: true, requireVerified: false });
    // Each kind, per step and per item: the key and steps 6–7 checked live, the rest the person's word, dated.
    expect(kinds(doc)).toEqual(['attested', 'attested', 'attested', 'attested', 'attested', 'verified', 'verified', 'attested', 'attested']);
    expect(doc.steps[1].items).toEqual([
      { id: 'account-email', kind: 'attested', at: expect.stringMatching(/^2026-/), via: 'flag' },
      { id: 'api-key', kind: 'verified', via: 'live', evidence: expect.stringMatching(/^key tes…a64 accepted by YCloud \(GET \/balance, request id req_\w+; env YCLOUD_API_KEY\)$/) },
    ]);
    expect(doc.steps[2].items.at(-1)).toEqual({ id: 'app-id', kind: 'attested', evidence: `app ID ${APP_ID}`, at: expect.stringMatching(/^2026-/), via: 'flag' });
    expect(doc.steps[5].items.map((i: { id: string; kind: string }) => `${i.id}:${i.kind}`)).toEqual(['waba:verified', 'payment-method:verified', 'number-connected:verified']);
    expect(doc.steps[6].items).toEqual([{ id: 'webhook-endpoint', kind: 'verified', via: 'live' }]);

    // --require-verified: only what ycp could check counts; steps 3–5 could be checked by a signup, so their word is not enough.
    const s4 = make(cfg);
    stubReady(s4);
    expect(await s4.run(['status', '--exit-status', '--require-verified'])).toBe(3);
    const rows = s4.stdout().trim().split('\n').map((l) => l.split('\t'));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['1', 'done', 'attested'], ['2', 'done', 'attested'], ['3', 'to do', 'to do'], ['4', 'to do', 'to do'], ['5', 'to do', 'to do'],
      ['6', 'done', 'verified'], ['7', 'done', 'verified'], ['8', 'done', 'attested'], ['9', 'to do', 'to do'],
    ]);
    expect(rows[2]![4]).toContain('attested, not verified (--require-verified): business-portfolio, meta-developer, meta-app, test-message, business-verification, app-id');
    expect(s4.stderr()).toContain('Next: ycp init --step 3');
  });

  test('a real signup through the page, whose WABA YCloud lists, verifies steps 3–5; a sandbox one or an unlisted WABA does not', async () => {
    const cfg = tmp();
    const page = await aPageDir();
    // The partner's page, served by `signup serve` against (stubbed) YCloud: one customer finishes.
    const serve = make(cfg);
    serve.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    serve.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, aPage([aPhoneNumber({ status: 'CONNECTED' })]));
    const s = await startServe(serve, ['--dir', page, '--tunnel', 'none', '--public-url', 'https://signup.example.test']);
    await s.post({ state: await s.token(), event: 'FINISH', waba_id: WABA_ID, phone_number_id: PHONE_ID, business_id: '2109876543210' });
    expect(await s.done).toBe(0);
    // Two records that must not count: a sandbox signup and a WABA YCloud does not list.
    const other = { kind: 'ycp.signup', version: 2, outcome: 'connected', event: 'FINISH', codeReceived: false, finishedAt: '2026-12-01T00:00:00.000Z' };
    mkdirSync(join(page, '.ycp'), { recursive: true });
    writeFileSync(join(page, '.ycp', 'signup-sandbox.json'), JSON.stringify({ ...other, sandbox: true, wabaId: WABA_ID, capturedAt: '2026-12-02T00:00:00.000Z' }));
    writeFileSync(join(page, '.ycp', 'signup-unlisted.json'), JSON.stringify({ ...other, sandbox: false, wabaId: '999', capturedAt: '2026-12-03T00:00:00.000Z' }));

    const profile = finishedProfile() as { init: { steps: Record<string, { data?: object }> } };
    profile.init.steps['embedded-signup']!.data = { pageDir: page }; // where init's step 5 put the page
    const t = make(cfg, { profile });
    stubReady(t);
    expect(await t.run(['status', '--exit-status', '--require-verified', '--json'])).toBe(0);
    const doc = JSON.parse(t.stdout());
    expect(kinds(doc)).toEqual(['attested', 'attested', 'verified', 'verified', 'verified', 'verified', 'verified', 'attested', 'attested']);
    const day = new Date(serve.clock.now()).toISOString().slice(0, 10);
    expect(doc.steps[2].evidence).toEqual([`verified by a signup through your page on ${day}: WABA ${WABA_ID} is visible to YCloud`]);
    expect(doc.steps[3].items.every((i: { kind: string; via: string }) => i.kind === 'verified' && i.via === 'signup')).toBe(true);

    // The wizard says so too, and skips the three steps.
    const w = make(cfg, { profile });
    stubReady(w);
    expect(await w.run(['init'])).toBe(0);
    expect(w.stderr()).toContain(`A signup through your page on ${day} returned WABA ${WABA_ID}, which YCloud lists: steps 3-5 are verified.`);
    expect(w.stderr()).toContain('  ✓ 3. Become a Meta Tech Provider (verified)');
  });

  test('answering "No" to "app switched to Live" is a normal waiting state, not a red error', async () => {
    const profile = finishedProfile() as { init: { steps: Record<string, { attested: Record<string, unknown> }> } };
    delete profile.init.steps['app-review']!.attested['app-live'];
    const t = make(tmp(), { stdinTTY: true, stdoutTTY: true, profile, answers: { '--attest': false } });
    stubReady(t);
    expect(await t.run(['init'])).toBe(3);
    const err = t.stderr();
    expect(t.questions).toEqual(['--attest']);
    // Said as a state (a yellow "…" on a colour terminal), not as "error:"; still exit 3 for scripts.
    expect(err).toMatch(/\n… Step 8 is waiting: Meta's App Review is not approved yet\n {2}when it is, run `ycp init --step 8`\n$/);
    expect(err).not.toContain('error');
  });

  test('a version 1 profile (ticks, no kinds) is read as attested on its dates; the v4 login configuration is asked for anew', async () => {
    const cfg = tmp();
    const s = make(cfg, { profile: finishedProfileV1() });
    stubReady(s);
    expect(await s.run(['status', '--exit-status', '--json'])).toBe(3);
    const doc = JSON.parse(s.stdout());
    expect(states(doc)).toEqual(['done', 'done', 'done', 'done', 'todo', 'done', 'done', 'done', 'todo']);
    expect(doc.steps[0].items).toEqual([{ id: 'application', kind: 'attested', at: '2026-11-20T10:00:00.000Z', via: 'migrated' }]);
    expect(doc.steps[3].items.map((i: { id: string; via?: string }) => `${i.id}:${i.via}`)).toEqual(['solution-submitted:migrated', 'solution-accepted:migrated', 'solution-id:undefined']);
    expect(doc.steps[4].evidence).toContain('to confirm: --attest login-config-v4');
    expect(doc.steps[5].kind).toBe('verified');

    const i = make(cfg);
    stubReady(i);
    expect(await i.run(['init', '--attest', 'login-config-v4'])).toBe(0);
    const stored = (await i.ctx.config()).store.profile('default') as { init: { version: number; steps: Record<string, Record<string, unknown>> } };
    expect(stored.init.version).toBe(2);
    expect(stored.init.steps['tech-provider']).not.toHaveProperty('ticks');
    expect(stored.init.steps['tech-provider']!.attested).toMatchObject({ 'business-portfolio': { at: '2026-11-20T10:00:00.000Z', via: 'migrated' } });
    expect(stored.init.steps['embedded-signup']!.attested).toMatchObject({ 'login-config-v4': { via: 'flag' } });
    expect(stored.init.steps['first-number']).toMatchObject({ verifiedAt: '2026-11-20T10:00:00.000Z', data: { e164: E164 } });
    expect(stored.init.steps).not.toHaveProperty('go-live');
  });

  test('init --help lists every item --attest takes', async () => {
    const t = make(tmp());
    expect(await t.run(['init', '--help'])).toBe(0);
    expect(t.stdout().replace(/\s+/g, ' ')).toContain(ALL_ATTEST.split(',').join(', '));
  });
});
