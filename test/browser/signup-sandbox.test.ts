// The whole offline journey in a real browser: `ycp sandbox` (in process) + `ycp signup scaffold` and
// `ycp signup serve --dir` against it with nothing but YCLOUD_BASE_URL/YCLOUD_API_KEY, the scaffolded
// page in Chromium, the fake SDK's consent dialog served by the sandbox in a frame, and the number
// reaching CONNECTED on the page, in the command's output and in the sandbox's state. No stubs.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/core/sandbox/index.js';
import type { TestCtx } from '../helpers/test-ctx.js';
import { sandboxCtx } from '../helpers/onboarding-sandbox.js';
import { startServe } from '../helpers/signup.js';
import { startSignupServer } from '../../src/core/signup/server.js';
import { CHROMIUM, HAVE_CHROMIUM, isolatedContext, launch, requireChromiumInCi } from '../helpers/chromium.js';

requireChromiumInCi();
const ROOT = join(import.meta.dirname, '..', '..');

describe.skipIf(!HAVE_CHROMIUM)(`offline signup against the sandbox in Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let sb: Sandbox;
  let t: TestCtx | undefined;
  beforeAll(async () => {
    [browser, sb] = await Promise.all([launch(), startSandbox({ port: 0, timeScale: 100_000 })]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), sb?.close()]);
  });
  afterEach(() => {
    t?.verify();
    t?.dispose();
    t = undefined;
  });

  /** `ycp signup scaffold --out DIR` with no IDs at all: sandbox placeholders, no question asked. v4 unless told. */
  async function scaffolded(extra: string[] = []): Promise<string> {
    const dir = join(mkdtempSync(join(tmpdir(), 'ycp-sbx-signup-')), 'page');
    const s = sandboxCtx(sb);
    try {
      expect(await s.run(['signup', 'scaffold', '--out', dir, ...extra])).toBe(0);
      expect(s.stderr()).toContain('appId, configId, solutionId stand in for your Meta IDs');
      expect(s.questions).toEqual([]);
    } finally {
      s.dispose();
    }
    return dir;
  }

  async function openAndConnect(url: string): Promise<{ page: Page; codes: string[] }> {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    const context = await isolatedContext(browser);
    const page = await context.newPage();
    const codes: string[] = []; // what /_sandbox/signup handed the dialog: must never be printed
    page.on('response', (r) => {
      if (r.url() === `${sb.origin}/_sandbox/signup`) void r.json().then((b: { code?: string }) => b.code && codes.push(b.code), () => {});
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    // Sandbox mode opens the developer panel: the fake SDK's origin is where the page loads Facebook from.
    await page.getByText(`Loading the SDK from ${sb.origin}/_sandbox/fb/sdk.js`).waitFor();
    await page.getByRole('button', { name: 'Connect WhatsApp' }).and(page.locator(':enabled')).click();
    const dialog = page.frameLocator('#ycp-sandbox-fb-frame');
    await dialog.getByRole('heading', { name: /Connect WhatsApp to app 100000000000001/ }).waitFor();
    // The dialog is a sandbox-origin document, as Meta's is a facebook.com one.
    expect(page.frames().some((f) => f.url().startsWith(`${sb.origin}/_sandbox/fb/dialog?`))).toBe(true);
    expect(errors).toEqual([]);
    return { page, codes };
  }

  test('v4 by default: scaffold + serve --dir + Continue in the sandbox dialog → CONNECTED on the page, in the output and in the sandbox', async () => {
    const dir = await scaffolded();
    t = sandboxCtx(sb);
    const s = await startServe(t, ['--dir', dir]);
    expect(t.stderr()).toContain('Sandbox mode: the Facebook steps are simulated by the local sandbox, and the page shows its developer panel');
    expect(t.stderr()).not.toContain('Allowed Domains');
    const wabasBefore = sb.state.wabas.length;
    const { page, codes } = await openAndConnect(s.url);

    // The fake dialog saw a v4 launch: no version key decides it, the configuration does (extras.version 'v4' here).
    await page.frameLocator('#ycp-sandbox-fb-frame').getByText('v4', { exact: true }).waitFor();
    await page.frameLocator('#ycp-sandbox-fb-frame').getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'You are all set' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('#ycp-sandbox-fb-dialog').count()).toBe(0); // the dialog closed itself
    const log = await page.locator('#debug-log').innerText();
    expect(log).toContain(`message FINISH from ${sb.origin} (version -)`); // v4: no top-level version
    expect(log).toContain('FB.login callback: a code'); // the code reached FB.login's callback (and stayed there)
    expect(log).toMatch(/ycp: Registering \+1555\d{7} \(once; never retried automatically\)/);
    const fields = await page.locator('#result-text').innerText();
    await page.screenshot({ path: join(ROOT, 'test-results', 'signup-sandbox-finished.png'), fullPage: true });

    expect(await s.done).toBe(0);
    // The sandbox's state: one new WABA, its number registered and CONNECTED.
    expect(sb.state.wabas.length).toBe(wabasBefore + 1);
    const waba = sb.state.wabas.at(-1)!;
    const phone = sb.state.phones.find((p) => p.number.wabaId === waba.id)!;
    expect(phone.number.status).toBe('CONNECTED');
    expect(phone.registerAttempts).toHaveLength(1);
    expect(fields).toBe(`Your WhatsApp number ${phone.number.phoneNumber} is connected. You can close this page.`);
    // …and the command's output.
    const err = t.stderr();
    expect(err).toContain(`✓ Captured FINISH: WABA ${waba.id}, phone number ID ${phone.number.id}, business ${waba.businessId}\n`); // no code: not collected
    expect(err).toContain(`✓ ${phone.number.phoneNumber} is CONNECTED`);
    expect(t.stdout()).toContain(`outcome\tconnected\n`);
    expect(t.stdout()).toContain(`waba\t${waba.id}\n`);
    expect(t.stdout()).toContain(`phone number\t${phone.number.phoneNumber}\nstatus\tCONNECTED\nregistered\ttrue\n`);
    // The code went from the dialog to FB.login and no further: never printed, saved, posted or left on the page.
    expect(codes).toHaveLength(1);
    const record0 = JSON.parse(readFileSync(join(dir, '.ycp', readdirSync(join(dir, '.ycp'))[0]!), 'utf8'));
    expect(record0).toMatchObject({ version: 2, sandbox: true, esVersion: 'v4', codeReceived: false });
    const record = readdirSync(join(dir, '.ycp')).map((f) => readFileSync(join(dir, '.ycp', f), 'utf8')).join('\n');
    for (const text of [t.stdout(), err, record, await page.content()]) expect(text).not.toContain(codes[0]);
    await page.context().close();
  });

  test('Cancel in the sandbox dialog reports the step on the page and in the output (exit 3)', async () => {
    const dir = await scaffolded();
    t = sandboxCtx(sb);
    const s = await startServe(t, ['--dir', dir]);
    const wabasBefore = sb.state.wabas.length;
    const { page } = await openAndConnect(s.url);
    await page.screenshot({ path: join(ROOT, 'test-results', 'signup-sandbox-dialog.png') });
    await page.frameLocator('#ycp-sandbox-fb-frame').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Setup not finished' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#debug-log').innerText()).toContain(`message CANCEL from ${sb.origin}`);
    expect(await page.locator('#ycp-sandbox-fb-dialog').count()).toBe(0);
    expect(await s.done).toBe(3);
    expect(t.stderr()).toContain('✗ Captured the signup was cancelled at step PHONE_NUMBER_SETUP');
    expect(t.stderr()).toContain('error: the signup was cancelled at step PHONE_NUMBER_SETUP');
    expect(sb.state.wabas.length).toBe(wabasBefore);
    await page.context().close();
  });

  test('a page with sandbox placeholders, served without the sandbox, refuses to launch', async () => {
    const dir = await scaffolded();
    const ac = new AbortController();
    const server = await startSignupServer({ dir, now: Date.now, signal: ac.signal }); // no sandbox inject: real mode
    try {
      const context = await isolatedContext(browser);
      const page = await context.newPage();
      await page.goto(server.localUrl);
      await page.getByRole('heading', { name: 'This page is not ready yet' }).waitFor();
      expect(await page.locator('#connect').isHidden()).toBe(true);
      expect(await page.locator('script[src*="facebook"], script[src*="_sandbox"]').count()).toBe(0); // no SDK loaded
      await context.close();
    } finally {
      ac.abort();
      await server.close();
    }
  });
  test('a v2 page still works against the sandbox, with its deprecation warning in the terminal, the dialog and the panel', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ycp-sbx-signup-')), 'page');
    const s0 = sandboxCtx(sb);
    expect(await s0.run(['signup', 'scaffold', '--out', dir, '--es-version', 'v2'])).toBe(0);
    expect(s0.stderr()).toContain('warning: Embedded Signup v2 is deprecated. Meta announced v2’s deprecation for 2026-10-15');
    s0.dispose();
    t = sandboxCtx(sb);
    const s = await startServe(t, ['--dir', dir]);
    expect(t.stderr()).toContain('Serving the Embedded Signup page (v2)');
    expect(t.stderr()).toContain('warning: Embedded Signup v2 is deprecated.');
    const { page } = await openAndConnect(s.url);
    expect(await page.locator('#debug-info').innerText()).toContain('Embedded Signup v2 is deprecated (2026-10-15)');
    expect(await page.locator('#debug-info').innerText()).toContain('FB.login extras: {"setup":{"solutionID":"300000000000003"},"sessionInfoVersion":"3"}');
    const dialog = page.frameLocator('#ycp-sandbox-fb-frame');
    await dialog.getByText('v2 (deprecated 2026-10-15)').waitFor();
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'You are all set' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('#debug-log').innerText()).toContain(`message FINISH from ${sb.origin} (version 3)`);
    expect(await s.done).toBe(0);
    expect(t.stdout()).toContain('status\tCONNECTED\n');
    await page.screenshot({ path: join(ROOT, 'test-results', 'signup-sandbox-v2.png'), fullPage: true });
    await page.context().close();
  });
});
