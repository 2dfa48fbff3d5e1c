// The fake Facebook SDK (/_sandbox/fb/sdk.js) and its consent dialog (/_sandbox/fb/dialog), each
// executed in a minimal DOM so FB.login, the dialog's buttons and both postMessages run for real.
// The real browser journey (page ⇄ SDK ⇄ sandbox-origin dialog) is test/browser/signup-sandbox.test.ts.
import { request as httpRequest } from 'node:http';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../../src/core/sandbox/index.js';
import { call, closeAll, sandbox } from '../../helpers/sandbox.js';
import { until } from '../../helpers/until.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(closeAll);

const PAGE = 'http://127.0.0.1:41231';
type Listener = (e: unknown) => void;

/** Just enough DOM: elements with listeners, getElementById, body.appendChild, window message listeners. */
function fakeDom(origin = PAGE) {
  const byId = new Map<string, El>();
  class El {
    style = { cssText: '' };
    children: El[] = [];
    listeners: Record<string, Listener> = {};
    textContent = '';
    disabled = false;
    className = '';
    src = '';
    title = '';
    parentNode?: El;
    contentWindow = { frame: true };
    private _id = '';
    constructor(readonly tag: string) {}
    get id() { return this._id; }
    set id(v: string) { this._id = v; byId.set(v, this); }
    appendChild(c: El) { c.parentNode = this; this.children.push(c); return c; }
    removeChild(c: El) { this.children = this.children.filter((x) => x !== c); c.parentNode = undefined; if (byId.get(c.id) === c) byId.delete(c.id); for (const k of c.children) byId.delete(k.id); }
    addEventListener(ev: string, fn: Listener) { this.listeners[ev] = fn; }
    click() { if (!this.disabled) this.listeners.click?.({}); }
  }
  const body = new El('body');
  const messageListeners: Listener[] = [];
  const window: Record<string, unknown> = {
    location: { origin },
    addEventListener: (ev: string, fn: Listener) => ev === 'message' && messageListeners.push(fn),
  };
  window.parent = window;
  const document = { createElement: (t: string) => new El(t), getElementById: (id: string) => byId.get(id) ?? null, body };
  const dispatch = (e: { origin: string; source: unknown; data: unknown }) => messageListeners.forEach((f) => f(e));
  return { window, document, body, byId, dispatch, El };
}

async function loadSdk() {
  const src = await (await fetch(`${sb.origin}/_sandbox/fb/sdk.js`)).text();
  const dom = fakeDom();
  dom.window.fbAsyncInit = () => (dom.window.inited = true);
  runInNewContext(src, { window: dom.window, document: dom.document, console, setTimeout, JSON, encodeURIComponent, String });
  await until(() => dom.window.inited === true, 'the fake SDK to call fbAsyncInit');
  return { ...dom, FB: dom.window.FB as { init(o: unknown): void; login(cb: (r: unknown) => void, o: unknown): void } };
}

const LOGIN_OPTS = { config_id: '2345678901', response_type: 'code', override_default_response_type: true, extras: { setup: { solutionID: '3456789012' }, sessionInfoVersion: '3' } };

test('the fake SDK is served as JavaScript and calls fbAsyncInit', async () => {
  const res = await fetch(`${sb.origin}/_sandbox/fb/sdk.js`);
  expect(res.headers.get('content-type')).toMatch(/javascript/);
  expect(res.headers.get('ycloud-request-id')).toMatch(/^req_/);
  const { window } = await loadSdk();
  expect(window.inited).toBe(true);
});

test('the SDK opens its dialog on the origin the page loaded it from (localhost stays localhost)', async () => {
  const sdkFor = (host: string) =>
    new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: sb.port, path: '/_sandbox/fb/sdk.js', headers: { host } }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve(text));
      });
      req.on('error', reject).end();
    });
  expect(await sdkFor(`localhost:${sb.port}`)).toContain(`var SANDBOX = "http://localhost:${sb.port}";`);
  expect(await sdkFor(`127.0.0.1:${sb.port}`)).toContain(`var SANDBOX = "${sb.origin}";`);
  expect(await sdkFor('evil.example:80')).toContain(`var SANDBOX = "${sb.origin}";`);
});

test('FB.login opens the sandbox-served dialog in a frame; only that frame, from the sandbox origin, answers the callback', async () => {
  const { FB, byId, dispatch } = await loadSdk();
  FB.init({ appId: '1234567890', version: 'v25.0' });
  const answers: unknown[] = [];
  FB.login((r) => answers.push(r), LOGIN_OPTS);
  const frame = byId.get('ycp-sandbox-fb-frame')!;
  expect(byId.has('ycp-sandbox-fb-dialog')).toBe(true);
  const url = new URL(frame.src);
  expect(url.origin + url.pathname).toBe(`${sb.origin}/_sandbox/fb/dialog`);
  // LOGIN_OPTS is a v2 launch (sessionInfoVersion '3', no version): the dialog is told so.
  expect(Object.fromEntries(url.searchParams)).toEqual({ app_id: '1234567890', version: 'v25.0', config_id: '2345678901', solution_id: '3456789012', es_version: 'v2', session_info_version: '3', origin: PAGE });

  const login = { type: 'ycp-sandbox-fb-login', code: 'sbx_code_x' };
  dispatch({ origin: PAGE, source: frame.contentWindow, data: login }); // the page's own origin: ignored
  dispatch({ origin: 'http://127.0.0.1:1', source: frame.contentWindow, data: login }); // another loopback origin
  dispatch({ origin: sb.origin, source: { other: true }, data: login }); // another sandbox window
  dispatch({ origin: sb.origin, source: frame.contentWindow, data: JSON.stringify({ type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH' }) });
  dispatch({ origin: sb.origin, source: frame.contentWindow, data: 'not json' });
  expect(answers).toEqual([]);
  expect(byId.has('ycp-sandbox-fb-dialog')).toBe(true);

  dispatch({ origin: sb.origin, source: frame.contentWindow, data: login });
  expect(answers).toEqual([{ authResponse: { code: 'sbx_code_x', userID: null, expiresIn: null }, status: 'connected' }]);
  expect(byId.has('ycp-sandbox-fb-dialog')).toBe(false);
  dispatch({ origin: sb.origin, source: frame.contentWindow, data: login }); // once only
  expect(answers).toHaveLength(1);
});

test('the SDK tells the dialog which Embedded Signup version the page launched, as Meta tells them apart', async () => {
  const { FB, byId } = await loadSdk();
  FB.init({ appId: '1', version: 'v25.0' });
  const launched = (extras: unknown) => {
    FB.login(() => {}, { config_id: '2', extras });
    const q = new URL(byId.get('ycp-sandbox-fb-frame')!.src).searchParams;
    return { es: q.get('es_version'), features: q.get('features'), sessionInfo: q.get('session_info_version') };
  };
  expect(launched({ setup: { solutionID: '3' }, version: 'v4' })).toEqual({ es: 'v4', features: null, sessionInfo: null });
  expect(launched({ setup: { solutionID: '3' } })).toEqual({ es: 'v4', features: null, sessionInfo: null }); // no key at all: the configuration decides, v4
  expect(launched({ version: 'v3', features: [{ name: 'app_only_install' }] })).toEqual({ es: 'v3', features: 'app_only_install', sessionInfo: null });
  expect(launched({ setup: {}, sessionInfoVersion: '3' })).toEqual({ es: 'v2', features: null, sessionInfo: '3' });
});

test('a login message without a code calls back with authResponse null', async () => {
  const { FB, byId, dispatch } = await loadSdk();
  FB.init({ appId: '1', version: 'v25.0' });
  const answers: unknown[] = [];
  FB.login((r) => answers.push(r), { config_id: '2' });
  dispatch({ origin: sb.origin, source: byId.get('ycp-sandbox-fb-frame')!.contentWindow, data: { type: 'ycp-sandbox-fb-login', code: null } });
  expect(answers).toEqual([{ authResponse: null, status: 'unknown' }]);
});

/** Loads the dialog for `query` and runs its script with a recording parent window and a real fetch. */
async function openDialog(query: Record<string, string>, o: { framed?: boolean } = {}) {
  const res = await fetch(`${sb.origin}/_sandbox/fb/dialog?${new URLSearchParams(query)}`);
  const html = await res.text();
  const dom = fakeDom(sb.origin);
  const posted: { message: unknown; target: string }[] = [];
  if (o.framed !== false) dom.window.parent = { postMessage: (message: unknown, target: string) => posted.push({ message, target }) };
  for (const id of ['ycp-sandbox-fb-continue', 'ycp-sandbox-fb-cancel', 'status']) new dom.El(id === 'status' ? 'p' : 'button').id = id;
  new dom.El('script').id = 'cfg';
  dom.byId.get('cfg')!.textContent = /<script type="application\/json" id="cfg">([^<]*)<\/script>/.exec(html)![1]!;
  const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)![1]!;
  const relFetch = (u: string, init: RequestInit) => fetch(new URL(u, sb.origin), init);
  runInNewContext(script, { window: dom.window, document: dom.document, fetch: relFetch, JSON, Math, Date, String });
  // The login message to the SDK always comes last.
  const settled = () => until(() => posted.some((p) => (p.message as { type?: string }).type === 'ycp-sandbox-fb-login'), 'the dialog to post its login message', { intervalMs: 5 });
  /** The WA_EMBEDDED_SIGNUP messages, parsed (the dialog also posts one that is not JSON, as Facebook's frames do). */
  const sessions = () => posted.filter((p) => typeof p.message === 'string' && p.message.startsWith('{')).map((p) => JSON.parse(p.message as string));
  return { res, html, posted, byId: dom.byId, settled, sessions };
}

test('the dialog is a sandbox page with a strict CSP that shows the login options, escaped', async () => {
  const { res, html } = await openDialog({ app_id: '1234567890', config_id: '<img src=x onerror=alert(1)>', solution_id: '3456789012', origin: PAGE });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = res.headers.get('content-security-policy')!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/script-src 'nonce-[^']+'/);
  expect(csp).toContain("connect-src 'self'");
  expect(html).toContain('1234567890');
  expect(html).toContain('3456789012');
  expect(html).not.toContain('<img');
  expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
});

test('Continue (v4, the default) creates the WABA and number, posts FINISH to the parent with "*" and the code only to the page origin', async () => {
  const d = await openDialog({ app_id: '1', config_id: '2', solution_id: '3', es_version: 'v4', origin: PAGE });
  expect(d.html).toContain('<span>Embedded Signup</span> <code>v4</code>');
  d.byId.get('ycp-sandbox-fb-continue')!.click();
  await d.settled();
  expect(d.posted).toHaveLength(3);
  const [noise, session, login] = d.posted as [{ message: string; target: string }, { message: string; target: string }, { message: { type: string; code: string }; target: string }];
  expect(noise.message).toBe('ycp-sandbox: a message that is not JSON'); // what the page's parser must ignore
  expect(session.target).toBe('*');
  expect(typeof session.message).toBe('string'); // a JSON string, as Meta posts it
  const msg = JSON.parse(session.message);
  expect(msg).toMatchObject({ type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH' });
  expect(msg).not.toHaveProperty('version'); // v4 sends no top-level version
  expect(Object.keys(msg.data).sort()).toEqual(['business_id', 'phone_number_id', 'waba_id']);
  expect(login.target).toBe(PAGE);
  expect(login.message).toEqual({ type: 'ycp-sandbox-fb-login', code: expect.stringMatching(/^sbx_code_/) });
  expect(JSON.stringify(msg)).not.toContain(login.message.code); // the code never rides on the '*' message
  expect((await call(sb, 'GET', `/v2/whatsapp/businessAccounts/${msg.data.waba_id}`)).body.paymentMethodAttached).toBe(true);
  const phone = sb.state.phones.find((p) => p.number.id === msg.data.phone_number_id);
  expect(phone?.number).toMatchObject({ wabaId: msg.data.waba_id, status: 'PENDING' });
});

test('v2 with featureType only_waba_sharing finishes with FINISH_ONLY_WABA, no number, and version 3; a deprecation note', async () => {
  const d = await openDialog({ app_id: '1', config_id: '2', solution_id: '3', feature_type: 'only_waba_sharing', es_version: 'v2', session_info_version: '3', origin: PAGE });
  expect(d.html).toContain('<code>v2 (deprecated 2026-10-15)</code>');
  d.byId.get('ycp-sandbox-fb-continue')!.click();
  await d.settled();
  const [msg] = d.sessions();
  expect(msg).toMatchObject({ event: 'FINISH_ONLY_WABA', version: 3 });
  expect(Object.keys(msg.data).sort()).toEqual(['business_id', 'waba_id']);
});

test('v3 and v2: session messages carry version 3; v2 without sessionInfoVersion "3" sends none at all', async () => {
  const v3 = await openDialog({ app_id: '1', config_id: '2', solution_id: '3', es_version: 'v3', origin: PAGE });
  v3.byId.get('ycp-sandbox-fb-continue')!.click();
  await v3.settled();
  expect(v3.sessions()).toEqual([expect.objectContaining({ event: 'FINISH', version: 3 })]);
  const v2 = await openDialog({ app_id: '1', config_id: '2', solution_id: '3', es_version: 'v2', origin: PAGE });
  expect(v2.html).toContain('not sent (v2 without sessionInfoVersion 3)');
  v2.byId.get('ycp-sandbox-fb-continue')!.click();
  await v2.settled();
  expect(v2.posted).toEqual([{ message: { type: 'ycp-sandbox-fb-login', code: expect.stringMatching(/^sbx_code_/) }, target: PAGE }]);
});

test('app_only_install (an extras.features entry) finishes with FINISH_GRANT_ONLY_API_ACCESS', async () => {
  const d = await openDialog({ app_id: '1', config_id: '2', solution_id: '3', es_version: 'v4', features: 'app_only_install', origin: PAGE });
  d.byId.get('ycp-sandbox-fb-continue')!.click();
  await d.settled();
  expect(d.sessions()).toEqual([{ type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH_GRANT_ONLY_API_ACCESS', data: { waba_id: expect.any(String), business_id: expect.any(String) } }]);
});

test('Cancel posts CANCEL with current_step and a login message without a code', async () => {
  const d = await openDialog({ app_id: '1', config_id: '2', solution_id: '3', origin: PAGE });
  const wabas = sb.state.wabas.length;
  d.byId.get('ycp-sandbox-fb-cancel')!.click();
  await d.settled();
  expect(d.sessions()).toEqual([{ type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' } }]);
  expect(d.posted.at(-1)).toEqual({ message: { type: 'ycp-sandbox-fb-login', code: null }, target: PAGE });
  expect(sb.state.wabas.length).toBe(wabas);
});

test('a sandbox signup that fails reports CANCEL with the error, as a user-reported error', async () => {
  const d = await openDialog({ app_id: '1', config_id: '2', solution_id: '3', feature_type: 'made_up', origin: PAGE });
  d.byId.get('ycp-sandbox-fb-continue')!.click();
  await d.settled();
  const [msg] = d.sessions();
  expect(msg).toMatchObject({ event: 'CANCEL', data: { error_message: expect.stringContaining('featureType'), error_code: '0' } }); // Meta's current key
  expect(d.posted.at(-1)!.message).toEqual({ type: 'ycp-sandbox-fb-login', code: null });
  expect(d.byId.get('status')!.className).toBe('status error');
});

test('without a page origin, or opened on its own, the dialog does nothing', async () => {
  for (const [query, framed] of [[{ origin: 'javascript:alert(1)' }, true], [{ origin: PAGE }, false]] as const) {
    const d = await openDialog(query, { framed });
    d.byId.get('ycp-sandbox-fb-continue')!.click();
    d.byId.get('ycp-sandbox-fb-cancel')!.click();
    expect(d.byId.get('ycp-sandbox-fb-continue')!.disabled).toBe(true);
    expect(d.byId.get('status')!.className).toBe('status error');
    expect(d.posted).toEqual([]);
  }
});
