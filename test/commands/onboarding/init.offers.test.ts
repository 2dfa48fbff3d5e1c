// The commands init offers, run for real in process: `signup scaffold` (step 5) writes the page with
// the recorded IDs, `signup serve` (step 6) captures a signup against the sandbox; their cleanups have
// run before the wizard goes on, and Ctrl-C inside them stops the wizard with exit 130.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, expectNoSecrets, type TestCtx } from '../../helpers/test-ctx.js';
import { runNested } from '../../../src/commands/nested.js';
import { signupServe } from '../../../src/commands/signup/serve.js';
import { readConfigBlock } from '../../../src/core/signup/config-block.js';
import { scaffoldSignupPage } from '../../../src/core/signup/scaffold.js';
import { alive, PATH_WITH_FAKE, pidFile, readPid } from '../../helpers/tunnel.js';
import { APP_ID, CONFIG_ID, HOOK_URL, SOLUTION_ID, V1_TICKS, stubBalance, stubLists } from '../../helpers/onboarding.js';
import { closed, http, sandboxWorld, servingUrl, stateToken, type World } from '../../helpers/onboarding-sandbox.js';
import { until } from '../../helpers/until.js';

let world: World | undefined;
const others: TestCtx[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await world?.dispose();
  world = undefined;
  for (const t of others.splice(0)) {
    t.verify();
    t.dispose();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Steps 1–4 done and the three IDs saved: the wizard starts at step 5. */
function uptoStep4(): Record<string, unknown> {
  const at = '2026-11-20T10:00:00.000Z';
  const steps = {
    apply: { state: 'done', at },
    account: { state: 'done', at, ticks: V1_TICKS.account },
    'tech-provider': { state: 'done', at, ticks: V1_TICKS['tech-provider'] },
    'partner-solution': { state: 'done', at, ticks: V1_TICKS['partner-solution'] },
  };
  return { appId: APP_ID, solutionId: SOLUTION_ID, configId: CONFIG_ID, init: { version: 1, steps } };
}

const CODE = 'AQDx-init-offer-code-5d2b8a64f00d7c1e';

describe('init runs the offered signup commands', () => {
  test('step 5 scaffolds into the folder asked for; step 6 serves it, a signup is captured, and the wizard sees the CONNECTED number', async () => {
    world = await sandboxWorld('empty');
    const { sb } = world;
    const page = world.pageDir();
    const t = world.make({
      stdinTTY: true,
      stdoutTTY: true,
      profile: uptoStep4(),
      secrets: [CODE],
      answers: { '--yes': true, '--attest': true, '--page-dir': page, '--webhook-url': HOOK_URL },
    });
    const running = t.run(['init']);
    const url = await servingUrl(t, running);

    // Step 5 wrote the page with the recorded IDs, in the folder the wizard asked for.
    expect(t.stderr()).toContain(`\`ycp signup scaffold --out ${page} --app-id ${APP_ID} --config-id ${CONFIG_ID} --solution-id ${SOLUTION_ID}\` finished.`);
    expect(readConfigBlock(readFileSync(join(page, 'index.html'), 'utf8'))).toMatchObject({ appId: APP_ID, configId: CONFIG_ID, solutionId: SOLUTION_ID });
    // Loopback API: sandbox mode, no tunnel; the served copy points the page at the sandbox's fake SDK.
    expect(t.stderr()).toContain('Sandbox mode: the Facebook steps are simulated by the local sandbox');
    expect(t.spawned).toEqual([]);

    // What the page does after the fake SDK's consent dialog: the sandbox's signup, then the callback.
    const s = sb.signup({ businessName: 'Acme Bakery' });
    const body = JSON.stringify({ state: await stateToken(url), code: CODE, event: 'FINISH', waba_id: s.waba_id, phone_number_id: s.phone_number_id, business_id: s.business_id });
    expect((await http(url, 'POST', '/ycp/callback', body, { 'content-type': 'application/json', origin: new URL(url).origin })).status).toBe(202);

    expect(await running).toBe(0);
    const err = t.stderr();
    // serve ran its §16 flow (register once, wait), ended, and only then did the wizard go on.
    const order = [
      `✓ Captured FINISH: WABA ${s.waba_id}, phone number ID ${s.phone_number_id}`,
      `✓ ${s.phone_number} is CONNECTED`,
      `\`ycp signup serve --dir ${page}\` finished.`,
      `${s.phone_number} is CONNECTED in WABA ${s.waba_id}.`,
      'Step 6 done and saved.',
      'All nine steps are done.',
    ].map((line) => err.indexOf(line));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(await closed(url)).toBe(true);
    expect(sb.state.phones.find((p) => p.number.id === s.phone_number_id)!.registerAttempts).toHaveLength(1);
    // serve's own record of the capture, in the page folder (never the code).
    const records = readdirSync(join(page, '.ycp'));
    expect(records).toHaveLength(1);
    expect(readFileSync(join(page, '.ycp', records[0]!), 'utf8')).not.toContain(CODE);
    expectNoSecrets(err + t.stdout(), [CODE]);
  });

  test('Ctrl-C while the offered serve waits: tunnel and server stopped, exit 130, progress saved', async () => {
    const pf = pidFile();
    dirs.push(join(pf, '..'));
    const t = createTestCtx({
      stdinTTY: true,
      stdoutTTY: true,
      profile: uptoStep4(),
      env: { PATH: PATH_WITH_FAKE, FAKE_CLOUDFLARED_PIDFILE: pf },
      answers: { '--yes': true, '--attest': true },
    });
    others.push(t);
    const page = join(t.configDir, 'page');
    await scaffoldSignupPage({ out: page, force: false, values: { appId: APP_ID, configId: CONFIG_ID, solutionId: SOLUTION_ID, graphVersion: 'v25.0' } });
    stubBalance(t);
    stubLists(t, { wabas: [], numbers: [], endpoints: [] });
    const running = t.run(['init', '--page-dir', page]);
    const url = await servingUrl(t, running);
    const pid = await readPid(pf);
    await until(() => /public:\s+https:\/\/fake-/.test(t.stderr()), 'the public tunnel URL', { timeoutMs: 5_000 });
    expect(t.stderr()).toContain(`public:  https://fake-${pid}-quick-tunnel.trycloudflare.com/   (cloudflared: cloudflared found on PATH`);
    expect(t.stderr()).toContain(`The Embedded Signup page in ${page} already has these IDs.`);
    expect(alive(pid)).toBe(true);

    t.abort();
    expect(await running).toBe(130);
    expect(alive(pid)).toBe(false);
    expect(await closed(url)).toBe(true);
    const err = t.stderr();
    expect(err).toContain('Stopped. Everything answered so far is saved; run `ycp init` to continue.');
    expect(err).not.toContain('exited with 130'); // not "reported and the wizard goes on"
    const saved = (await t.ctx.config()).store.profile('default') as { init: { steps: Record<string, { state?: string; data?: unknown }> } };
    // Step 5's answers were saved as they were given: its four attestations and the page folder.
    expect(saved.init.steps['embedded-signup']).toMatchObject({ data: { pageDir: page } });
    expect(Object.keys((saved.init.steps['embedded-signup'] as { attested?: object }).attested ?? {}).sort()).toEqual(['allowed-domains', 'login-config-v4', 'oauth-settings', 'public-profile']);
    expect(saved.init.steps['first-number']).toBeUndefined();
  });

  test('runNested returns only after the command cleanups ran: serve with a cloudflared tunnel, one capture', async () => {
    const pf = pidFile();
    dirs.push(join(pf, '..'));
    const t = createTestCtx({ env: { PATH: PATH_WITH_FAKE, FAKE_CLOUDFLARED_PIDFILE: pf }, secrets: [CODE] });
    others.push(t);
    const page = join(t.configDir, 'page');
    await scaffoldSignupPage({ out: page, force: false, values: { appId: APP_ID, configId: CONFIG_ID, solutionId: SOLUTION_ID, graphVersion: 'v25.0' } });
    const running = runNested(t.ctx, (c) => signupServe(c, { dir: page, register: false, tunnel: 'cloudflared', timeout: 600_000 }));
    const url = await servingUrl(t, running);
    const pid = await readPid(pf);
    const body = JSON.stringify({ state: await stateToken(url), code: CODE, event: 'FINISH', waba_id: '104996844321234', phone_number_id: '1234567890123456' });
    expect((await http(url, 'POST', '/ycp/callback', body, { 'content-type': 'application/json', origin: new URL(url).origin })).status).toBe(202);
    expect(await running).toBe(0);
    // Checked synchronously on return: nothing else ran in between.
    expect(alive(pid)).toBe(false);
    expect(await closed(url)).toBe(true);
    expect(t.stdout()).toBe(''); // the nested command's results went to stderr: they are not init's result
    expect(existsSync(join(page, '.ycp'))).toBe(true);
  });
});
