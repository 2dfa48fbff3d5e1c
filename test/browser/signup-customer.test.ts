// The page as the partner's customers see it (issue 12 §2–3): hosted by the partner (a plain static
// server here) and posting to the partner's backend (a real local server with CORS), branded, in English
// and Chinese from the browser's language, at 1280 px and 390 px. Every state a customer can reach is
// read as text and must hold no developer terms; screenshots go to test-results/ for a person to look at.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scaffoldSignupPage, type SignupPageValues } from '../../src/core/signup/scaffold.js';
import { CHROMIUM, HAVE_CHROMIUM, isolatedContext, launch, postingFrame, requireChromiumInCi } from '../helpers/chromium.js';

requireChromiumInCi();
const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test-results');
const IDS = { appId: '1234567890', configId: '2345678901', solutionId: '3456789012', graphVersion: 'v25.0' };
const WABA = '104996844321234';
const PHONE = '1234567890123457';
const CODE = 'AQDx-customer-page-code-5d2b8a64f00d';

/** What a customer must never read outside the developer panel. */
const DEVELOPER_TERMS: RegExp[] = [
  /\b(FINISH\w*|CANCEL\w*|ERROR\w*|WA_EMBEDDED_SIGNUP|PENDING|CONNECTED|POPUP_CLOSED)\b/,
  /\d\s?ms\b/, /毫秒/, /\bycp\b/i, /never retried/i, /\bWABA\b/, /config_id|solutionID|sessionInfoVersion|extras|FB\.login/,
  /https?:\/\//, /\bdebug\b/i, /\bstate token\b/i, /\b\d{13,}\b/, // raw Meta IDs
];

// A fake SDK the test drives step by step: FB.login only records its callback.
const DRIVEN_SDK = `
window.FB = {
  init: function (o) { window.__fbInit = o; },
  login: function (cb, opts) { window.__fbLogin = opts; window.__fbCallback = cb; }
};
setTimeout(function () { window.fbAsyncInit(); }, 0);`;

interface Backend {
  url: string;
  received: { headers: IncomingMessage['headers']; body: unknown }[];
  close(): Promise<void>;
}

/** The partner's backend: answers CORS for the page, records each POST, says 200. */
async function startBackend(): Promise<Backend> {
  const received: Backend['received'] = [];
  const server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': String(req.headers.origin ?? '*'), 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    let raw = '';
    req.setEncoding('utf8').on('data', (c: string) => (raw += c)).on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) });
      res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp/signup`, received, close: () => closeServer(server) };
}

/** The partner's own web server: the scaffolded files, nothing else. */
async function startStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1) || 'index.html';
    try {
      const body = readFileSync(join(dir, name.replace(/[^A-Za-z0-9._-]/g, '')));
      res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => closeServer(server) };
}

function closeServer(s: Server): Promise<void> {
  s.closeAllConnections();
  return new Promise((r) => s.close(() => r()));
}

async function aPage(values: Partial<SignupPageValues>): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'ycp-customer-')), 'page');
  await scaffoldSignupPage({ out: dir, force: false, values: { ...IDS, ...values }, logo: values.logo ? { name: 'logo.png', bytes: brandLogo() } : undefined });
  return dir;
}

/** A 96×96 PNG: an orange disc with a white bar, the kind of mark a partner would use. */
function brandLogo(): Buffer {
  const n = 96;
  const rows: Buffer[] = [];
  for (let y = 0; y < n; y++) {
    const row = Buffer.alloc(1 + n * 4);
    for (let x = 0; x < n; x++) {
      const d = Math.hypot(x - n / 2 + 0.5, y - n / 2 + 0.5);
      const bar = Math.abs(y - n / 2) < 8 && Math.abs(x - n / 2) < 26;
      const px = d > n / 2 - 1 ? [0, 0, 0, 0] : bar ? [255, 255, 255, 255] : [194, 65, 12, 255];
      row.set(px, 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

describe.skipIf(!HAVE_CHROMIUM)(`the signup page as a customer sees it, in Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let backend: Backend;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [browser, backend] = await Promise.all([launch(), startBackend()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), backend?.close()]);
  });

  async function open(url: string, o: { locale: string; width: number; sdk?: 'ok' | 'fail' }): Promise<{ page: Page; context: BrowserContext }> {
    const context = await isolatedContext(browser, { locale: o.locale, viewport: { width: o.width, height: o.width < 500 ? 844 : 900 } });
    await context.route('https://connect.facebook.net/**', (r) =>
      o.sdk === 'fail' ? r.abort('blockedbyclient') : r.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: DRIVEN_SDK }),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    expect(errors).toEqual([]);
    return { page, context };
  }

  /** A facebook.com frame that posts one session message to the page, as Meta's popup does. */
  async function fromFacebook(page: Page, message: unknown): Promise<void> {
    await page.context().route('https://www.facebook.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: postingFrame(message) }));
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.style.display = 'none';
      f.src = 'https://www.facebook.com/v25.0/dialog/oauth';
      document.body.appendChild(f);
      return new Promise((r) => (f.onload = r));
    });
  }

  async function customerText(page: Page): Promise<string> {
    const text = await page.evaluate(() => document.body.innerText);
    for (const re of DEVELOPER_TERMS) expect(text, `the customer sees ${re}`).not.toMatch(re);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    return text;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `signup-customer-${name}.png`), fullPage: true });

  for (const [locale, lang] of [['en-US', 'en'], ['zh-CN', 'zh-CN']] as const) {
    for (const width of [1280, 390]) {
      test(`${lang} at ${width} px: ready → Facebook window → done, branded, posting only the IDs to the partner's backend`, async () => {
        const dir = await aPage({ brandName: 'Acme Bakery', brandColor: '#c2410c', logo: 'logo.png', backendUrl: backend.url });
        const site = await startStatic(dir);
        const before = backend.received.length;
        try {
          const { page, context } = await open(site.url, { locale, width });
          const connect = lang === 'en' ? 'Connect WhatsApp' : '连接 WhatsApp';
          await page.getByRole('button', { name: connect }).and(page.locator(':enabled')).waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await page.locator('h1').innerText()).toBe(lang === 'en' ? 'Connect WhatsApp to Acme Bakery' : '将 WhatsApp 连接到 Acme Bakery');
          expect(await page.locator('#logo').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(96);
          expect(await page.locator('#logo-default').isHidden()).toBe(true);
          // The button takes the brand colour (after its .15 s transition from the default).
          await expect.poll(() => page.locator('#connect').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(194, 65, 12)');
          expect(await page.locator('#debug').isHidden()).toBe(true);
          await customerText(page);
          await shot(page, `${lang}-${width}-ready`);

          await page.getByRole('button', { name: connect }).click();
          const waiting = await customerText(page);
          expect(waiting).toContain(lang === 'en' ? 'Continue in the Facebook window' : '请在 Facebook 窗口中继续');
          expect(await page.locator('#connect').isDisabled()).toBe(true);
          await shot(page, `${lang}-${width}-facebook-window`);

          await fromFacebook(page, { type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', data: { waba_id: WABA, phone_number_id: PHONE, business_id: '2109876543210', ad_account_ids: ['5550001'], unknown_key: 'x' } });
          await page.evaluate((code) => (window as unknown as { __fbCallback(r: unknown): void }).__fbCallback({ status: 'connected', authResponse: { code } }), CODE);
          await page.getByRole('heading', { name: lang === 'en' ? 'You are all set' : '一切就绪' }).waitFor({ timeout: 10_000 });
          const done = await customerText(page);
          expect(done).toContain(lang === 'en' ? 'We will finish setting up your number' : '我们会完成号码的后续设置');
          await shot(page, `${lang}-${width}-done`);

          // The partner's backend got exactly what it needs: the event and the IDs, no code, no unknown keys.
          expect(backend.received.slice(before).map((r) => r.body)).toEqual([
            { event: 'FINISH', waba_id: WABA, phone_number_id: PHONE, business_id: '2109876543210', ad_account_ids: ['5550001'] },
          ]);
          expect(backend.received.at(-1)!.headers.origin).toBe(new URL(site.url).origin);
          expect(await page.content()).not.toContain(CODE.slice(3, -3));
          await context.close();
        } finally {
          await site.close();
        }
      });
    }
  }

  test('--include-code: the code goes to the backend with the IDs; --page-lang overrides the browser', async () => {
    const dir = await aPage({ backendUrl: backend.url, includeCode: true, pageLang: 'en' });
    const site = await startStatic(dir);
    const before = backend.received.length;
    try {
      const { page, context } = await open(site.url, { locale: 'zh-CN', width: 390 });
      await page.getByRole('button', { name: 'Connect WhatsApp' }).and(page.locator(':enabled')).click();
      // The callback first this time: the page waits for the session message before it posts.
      await page.evaluate((code) => (window as unknown as { __fbCallback(r: unknown): void }).__fbCallback({ status: 'connected', authResponse: { code } }), CODE);
      await fromFacebook(page, { type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH_ONLY_WABA', data: { waba_id: WABA, business_id: '2109876543210' } });
      await page.getByRole('heading', { name: 'You are all set' }).waitFor({ timeout: 10_000 });
      expect(await customerText(page)).toContain('no phone number was added yet');
      expect(backend.received.slice(before).map((r) => r.body)).toEqual([{ event: 'FINISH_ONLY_WABA', waba_id: WABA, business_id: '2109876543210', code: CODE }]);
      expect(await page.content()).not.toContain(CODE.slice(3, -3));
      await context.close();
    } finally {
      await site.close();
    }
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    test(`${lang} at 390 px: a failed SDK load says so with a retry that works; a cancel and a Facebook error read plainly`, async () => {
      const dir = await aPage({ backendUrl: backend.url, pageLang: lang });
      const site = await startStatic(dir);
      try {
        const { page, context } = await open(site.url, { locale: 'en-US', width: 390, sdk: 'fail' });
        const retry = page.getByRole('button', { name: lang === 'en' ? 'Try again' : '重试' });
        await retry.waitFor();
        const failed = await customerText(page);
        expect(failed).toContain(lang === 'en' ? 'Facebook sign-in did not load.' : 'Facebook 登录组件未能加载。');
        expect(await page.locator('#connect').isDisabled()).toBe(true); // never a dead "Loading…"
        await shot(page, `${lang}-390-sdk-failed`);
        await context.unroute('https://connect.facebook.net/**');
        await context.route('https://connect.facebook.net/**', (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: DRIVEN_SDK }));
        await retry.click();
        await page.locator('#connect:enabled').waitFor();
        expect(await retry.isHidden()).toBe(true);

        await page.locator('#connect').click();
        await fromFacebook(page, { type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' } });
        await page.getByRole('heading', { name: lang === 'en' ? 'Setup not finished' : '设置未完成' }).waitFor();
        await customerText(page);
        await shot(page, `${lang}-390-cancelled`);
        await context.close();

        // Meta's user-reported error: its message for the person, the session id as the reference.
        const second = await open(site.url, { locale: 'en-US', width: 390 });
        await second.page.locator('#connect:enabled').click();
        await fromFacebook(second.page, { type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { error_message: 'Your phone number could not be verified.', error_code: '524126', session_id: 'f34b8b2f', timestamp: '1700000000' } });
        await second.page.getByRole('heading', { name: lang === 'en' ? 'Facebook could not finish the setup' : 'Facebook 未能完成设置' }).waitFor();
        const said = await customerText(second.page);
        expect(said).toContain('Your phone number could not be verified.');
        expect(said).toContain(lang === 'en' ? 'Reference: f34b8b2f' : '参考编号：f34b8b2f');
        await shot(second.page, `${lang}-390-facebook-error`);
        await second.context.close();
      } finally {
        await site.close();
      }
    });
  }

  test('?debug=1 opens the developer panel: events with their origin, timings, the POST and its answer', async () => {
    const dir = await aPage({ backendUrl: backend.url, esVersion: 'v3' });
    const site = await startStatic(dir);
    try {
      const { page, context } = await open(`${site.url}?debug=1`, { locale: 'en-US', width: 1280 });
      await page.locator('#connect:enabled').click();
      await fromFacebook(page, { type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', version: 3, data: { waba_id: WABA, phone_number_id: PHONE } });
      await page.evaluate(() => (window as unknown as { __fbCallback(r: unknown): void }).__fbCallback({ status: 'unknown', authResponse: null }));
      await page.getByRole('heading', { name: 'You are all set' }).waitFor();
      const panel = await page.locator('#debug').innerText();
      expect(panel).toContain('Developer panel');
      expect(panel).toContain('Embedded Signup v3 · app 1234567890 · config_id 2345678901 · solutionID 3456789012 · Graph v25.0 · language en');
      expect(panel).toContain('FB.login extras: {"setup":{"solutionID":"3456789012"},"version":"v3"}');
      expect(panel).toContain('Embedded Signup v3 is deprecated (2026-10-15)');
      expect(panel).toMatch(/\+\d+ ms\s+message FINISH from https:\/\/www\.facebook\.com \(version 3\)/);
      expect(panel).toContain(`POST ${backend.url} → HTTP 200`);
      expect(panel).toContain(`posted: {"event":"FINISH","waba_id":"${WABA}","phone_number_id":"${PHONE}"}`);
      await shot(page, 'en-1280-debug');
      await context.close();
    } finally {
      await site.close();
    }
  });
});
