// Debian's Chromium driven by playwright-core: never a downloaded browser. CHROMIUM_PATH overrides.
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Route } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Under CI the browser tests must run: a missing Chromium is a loud failure, not a skip. */
export function requireChromiumInCi(): void {
  const ci = process.env.CI && process.env.CI !== '0' && process.env.CI.toLowerCase() !== 'false';
  if (ci && !HAVE_CHROMIUM) throw new Error(`CI is set but Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * A fresh context whose only reachable hosts are loopback and the fakes the test routes: anything
 * else (a real facebook.com, fonts, telemetry) is aborted, so the test never leaves the machine.
 */
export async function isolatedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route('**/*', (route: Route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1') return route.continue();
    return route.abort('blockedbyclient');
  });
  return context;
}

/** The fake Facebook SDK: FB.init records its options; FB.login opens a routed facebook.com frame. */
export const FAKE_SDK = `
window.FB = {
  init: function (o) { window.__fbInit = o; },
  login: function (cb, opts) {
    window.__fbLogin = opts;
    var f = document.createElement('iframe');
    f.style.display = 'none'; // Meta's dialog is a popup window, not part of the page (screenshots)
    f.src = window.__fbDialogUrl || 'https://www.facebook.com/v25.0/dialog/oauth';
    f.onload = function () { setTimeout(function () { cb(window.__fbLoginResponse || { status: 'unknown', authResponse: null }); }, 50); };
    document.body.appendChild(f);
  }
};
setTimeout(function () { window.fbAsyncInit(); }, 0);
`;

/** A frame on `origin` that posts the Embedded Signup session message to its parent, as Meta's does. */
export function postingFrame(message: unknown): string {
  return `<!doctype html><script>parent.postMessage(${JSON.stringify(JSON.stringify(message))}, '*');</script>`;
}
