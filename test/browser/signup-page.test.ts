// The scaffolded page in a real browser (ARCHITECTURE §8): fake SDK via page.route, the session
// message from a routed https://www.facebook.com frame, the capture server and the §16 flow behind it
// on spec-checked stubs, and the number reaching CONNECTED on the page and in the command's output.
import { mkdirSync, mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../helpers/test-ctx.js';
import { aPage, aPhoneNumber, aWaba, E164, PHONE_ID, WABA_ID } from '../helpers/builders.js';
import { aPageDir, PAGE_VALUES, SIGNUP_CODE, startServe } from '../helpers/signup.js';
import { readConfigBlock } from '../../src/core/signup/config-block.js';
import { renderSignupPage, type SignupPageValues } from '../../src/core/signup/scaffold.js';
import { templatesDir } from '../../src/core/signup/templates.js';
import { startSignupServer } from '../../src/core/signup/server.js';
import { CHROMIUM, FAKE_SDK, HAVE_CHROMIUM, isolatedContext, launch, postingFrame, requireChromiumInCi } from '../helpers/chromium.js';

requireChromiumInCi();
const ROOT = join(import.meta.dirname, '..', '..');

describe.skipIf(!HAVE_CHROMIUM)(`signup page in Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let t: TestCtx | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    t?.verify();
    t?.dispose();
    t = undefined;
  });

  async function openPage(url: string, frames: Record<string, unknown>, login?: unknown): Promise<Page> {
    const context = await isolatedContext(browser);
    await context.route('https://connect.facebook.net/**', (r) =>
      r.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: FAKE_SDK }),
    );
    for (const [origin, message] of Object.entries(frames)) {
      await context.route(`${origin}/**`, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: postingFrame(message) }));
    }
    const page = await context.newPage();
    await page.goto(url);
    if (login) await page.evaluate((l) => ((window as unknown as { __fbLoginResponse: unknown }).__fbLoginResponse = l), login);
    await page.getByRole('button', { name: 'Connect WhatsApp' }).and(page.locator(':enabled')).waitFor();
    return page;
  }

  // v4 sends no top-level version (Meta's v4 Implementation page).
  const finishMsg = (wabaId: string, event = 'FINISH') => ({ type: 'WA_EMBEDDED_SIGNUP', event, data: { waba_id: wabaId, phone_number_id: PHONE_ID, business_id: '2109876543210' } });

  test('v4: FINISH from www.facebook.com → captured, registered, CONNECTED on the page and in the output; evilfacebook.com ignored', async () => {
    t = createTestCtx({ secrets: [SIGNUP_CODE] });
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba());
    t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, aPage([aPhoneNumber({ status: 'PENDING' })]));
    t.api.on('POST', `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`).reply(200, aPhoneNumber({ status: 'PENDING' }));
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber({ status: 'CONNECTED' }));
    const s = await startServe(t, ['--dir', await aPageDir(), '--tunnel', 'none', '--public-url', 'https://signup.example.test']);
    const page = await openPage(s.url, { 'https://www.facebook.com': finishMsg(WABA_ID), 'https://evilfacebook.com': finishMsg('999') }, { status: 'connected', authResponse: { code: SIGNUP_CODE } });

    // SDK initialised with the scaffolded values before anything else
    expect(await page.evaluate(() => (window as unknown as { __fbInit: unknown }).__fbInit)).toEqual({ appId: PAGE_VALUES.appId, autoLogAppEvents: true, xfbml: true, version: 'v25.0' });

    // A look-alike origin posts a FINISH for another WABA first: it must change nothing.
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.src = 'https://evilfacebook.com/x';
      document.body.appendChild(f);
      return new Promise((r) => (f.onload = r));
    });
    await page.waitForTimeout(200);
    expect(await page.locator('#result').isHidden()).toBe(true);
    expect(t.stderr()).not.toContain('Captured');

    await page.getByRole('button', { name: 'Connect WhatsApp' }).click();
    // v4: the solution rides in extras.setup.solutionID (the only documented way to attach YCloud's
    // credit line), `version: 'v4'` as Meta's Embedded Signup Builder writes it, no sessionInfoVersion.
    expect(await page.evaluate(() => (window as unknown as { __fbLogin: unknown }).__fbLogin)).toEqual({
      config_id: PAGE_VALUES.configId,
      response_type: 'code',
      override_default_response_type: true,
      extras: { setup: { solutionID: PAGE_VALUES.solutionId }, version: 'v4' },
    });
    await page.getByRole('heading', { name: 'You are all set' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#result-text').innerText()).toBe(`Your WhatsApp number ${E164} is connected. You can close this page.`);
    expect(await page.locator('#progress').innerText()).toBe('WhatsApp Business account connected\nAccount checked\nPhone number activated');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'signup-finished.png'), fullPage: true });
    expect(await page.content()).not.toContain(SIGNUP_CODE.slice(3, -3)); // never collected without --include-code

    expect(await s.done).toBe(0);
    // Without --include-code the page never collects the code: ycp gets the IDs only.
    expect(t.stderr()).toContain(`✓ Captured FINISH: WABA ${WABA_ID}, phone number ID ${PHONE_ID}, business 2109876543210\n`);
    expect(t.stderr()).toContain(`✓ ${E164} is CONNECTED`);
    expect(t.stdout()).toContain(`phone number\t${E164}\nstatus\tCONNECTED\n`);
    await page.context().close();
  });

  test('CANCEL shows the step the person left at, on the page and in the output', async () => {
    t = createTestCtx();
    const s = await startServe(t, ['--dir', await aPageDir(), '--tunnel', 'none', '--public-url', 'https://signup.example.test']);
    const page = await openPage(s.url, { 'https://www.facebook.com': { type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' } } });
    await page.getByRole('button', { name: 'Connect WhatsApp' }).click();
    // The customer reads what happened and what to do; the step name is for the developer panel and the terminal.
    await page.getByRole('heading', { name: 'Setup not finished' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#result-text').innerText()).toContain('The Facebook window was closed before the end, so nothing was connected.');
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    expect(await s.done).toBe(3);
    expect(t.stderr()).toContain('error: the signup was cancelled at step PHONE_NUMBER_SETUP');
    await page.context().close();
  });

  test('hostile values in the config block (IDs, branding, backend, language) execute nothing and parse back unchanged', async () => {
    const hostile = {
      appId: '</script><script>window.pwned=1</script>',
      configId: '"><img src=x onerror="window.pwned=2">',
      solutionId: "'; window.pwned=3; '",
      graphVersion: '<!--<script>window.pwned=4</script>\u2028\u2029',
      brandName: '<img src=x onerror="window.pwned=5">Acme',
      brandColor: 'red;background:url(javascript:window.pwned=6)',
      logo: 'x" onerror="window.pwned=7',
      backendUrl: 'javascript:window.pwned=8',
      pageLang: '<script>window.pwned=9</script>',
      esVersion: '<b>v4</b>',
      featureType: '"); window.pwned=10; ("',
    };
    const dir = mkdtempSync(join(tmpdir(), 'ycp-hostile-'));
    const src = join(templatesDir(), 'embedded-signup');
    for (const f of ['page.js', 'signup.js', 'style.css']) copyFileSync(join(src, f), join(dir, f));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'index.html'), await renderSignupPage(hostile as unknown as SignupPageValues, src));
    const ac = new AbortController();
    const server = await startSignupServer({ dir, now: Date.now, signal: ac.signal });
    try {
      const context = await isolatedContext(browser);
      for (const query of ['', '?debug=1']) {
        const page = await context.newPage();
        const dialogs: string[] = [];
        page.on('dialog', (d) => void dialogs.push(d.message()));
        await page.goto(server.localUrl + query);
        await page.waitForLoadState('load');
        expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
        expect(await page.locator('img').count()).toBe(1); // only the page's own logo slot…
        expect(await page.locator('#logo').getAttribute('src')).toBeNull(); // …left empty: not a plain logo file name
        expect(await page.locator('script').count()).toBe(3); // the config block, page.js and signup.js: nothing injected
        const parsed = await page.evaluate(() => JSON.parse(document.getElementById('ycp-config')!.textContent!));
        expect(parsed).toMatchObject(hostile);
        expect(readConfigBlock(await page.content())).toMatchObject(hostile);
        expect(dialogs).toEqual([]);
        // The name is text; the colour was not a colour, so the default stays; the language falls back to the browser's.
        expect(await page.locator('h1').innerText()).toBe('Connect WhatsApp to <img src=x onerror="window.pwned=5">Acme');
        expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--brand'))).toBe('');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        // The page refuses non-digit IDs instead of launching: the customer reads that it is not ready.
        expect(await page.locator('#result-title').innerText()).toBe('This page is not ready yet');
        expect(await page.locator('#connect').isHidden()).toBe(true);
        if (query) expect(await page.locator('#debug').innerText()).toContain('Missing or not digits in the config block: appId, configId, solutionId.');
        else expect(await page.locator('#debug').isHidden()).toBe(true);
        await page.close();
      }
      await context.close();
    } finally {
      ac.abort();
      await server.close();
    }
  });
});
