// Control routes: simulated Embedded Signup, state patches, and the fake Facebook SDK, executed in a
// minimal DOM so FB.init / FB.login / the consent dialog / postMessage are exercised for real.
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Sandbox } from '../../src/core/sandbox/index.js';
import { SEED } from '../../src/core/sandbox/index.js';
import { call, closeAll, expectError, sandbox } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await sandbox();
});
afterAll(closeAll);

test('POST /_sandbox/signup creates an APPROVED, paid WABA, a PENDING number and hello_world', async () => {
  const r = (await call(sb, 'POST', '/_sandbox/signup')).body;
  expect(r.waba_id).toMatch(/^\d{15}$/);
  expect(r.phone_number_id).toMatch(/^\d{16}$/);
  expect(r.business_id).toMatch(/^\d+$/);
  expect(r.code).toMatch(/^sbx_code_/);
  const waba = (await call(sb, 'GET', `/v2/whatsapp/businessAccounts/${r.waba_id}`)).body;
  expect(waba).toMatchObject({ accountReviewStatus: 'APPROVED', paymentMethodAttached: true });
  const phones = (await call(sb, 'GET', `/v2/whatsapp/phoneNumbers?filter.wabaId=${r.waba_id}`)).body.items;
  expect(phones).toMatchObject([{ id: r.phone_number_id, phoneNumber: r.phone_number, status: 'PENDING' }]);
  const tpls = (await call(sb, 'GET', `/v2/whatsapp/templates?filter.wabaId=${r.waba_id}`)).body.items;
  expect(tpls.map((t: { name: string }) => t.name)).toEqual(['hello_world']);
  const unpaid = (await call(sb, 'POST', '/_sandbox/signup', { body: { paymentMethodAttached: false, featureType: 'only_waba_sharing' } })).body;
  expect(unpaid).not.toHaveProperty('phone_number_id');
  expect((await call(sb, 'GET', `/v2/whatsapp/businessAccounts/${unpaid.waba_id}`)).body.paymentMethodAttached).toBe(false);
  await expectError(call(sb, 'POST', '/_sandbox/signup', { body: { featureType: 'x' } }), 400, 'PARAM_INVALID', 'featureType');
});

test('PATCH control routes change a number or a WABA for other tests', async () => {
  const n = (await call(sb, 'PATCH', `/_sandbox/phoneNumbers/${SEED.pending.id}`, { body: { status: 'DISCONNECTED' } })).body;
  expect(n.status).toBe('DISCONNECTED');
  await expectError(call(sb, 'PATCH', `/_sandbox/phoneNumbers/${SEED.pending.id}`, { body: { status: 'WHATEVER' } }), 400, 'PARAM_INVALID', 'status');
  const w = (await call(sb, 'PATCH', `/_sandbox/businessAccounts/${SEED.wabaId}`, { body: { paymentMethodAttached: false } })).body;
  expect(w.paymentMethodAttached).toBe(false);
  await expectError(call(sb, 'PATCH', '/_sandbox/businessAccounts/1', { body: {} }), 404, 'NOT_FOUND');
  await expectError(call(sb, 'GET', '/_sandbox/nope'), 404, 'NOT_FOUND');
  const pre = await call(sb, 'OPTIONS', '/_sandbox/signup');
  expect(pre.status).toBe(204);
  expect(pre.headers['access-control-allow-origin']).toBe('*');
});

/** Just enough DOM for the SDK: elements with listeners, getElementById, body.appendChild. */
function fakeDom() {
  const byId = new Map<string, El>();
  class El {
    style = { cssText: '' };
    children: El[] = [];
    listeners: Record<string, () => void> = {};
    attrs: Record<string, string> = {};
    textContent = '';
    disabled = false;
    type = '';
    parent?: El;
    private _id = '';
    constructor(readonly tag: string) {}
    get id() { return this._id; }
    set id(v: string) { this._id = v; byId.set(v, this); }
    setAttribute(k: string, v: string) { this.attrs[k] = v; }
    appendChild(c: El) { c.parent = this; this.children.push(c); return c; }
    addEventListener(ev: string, fn: () => void) { this.listeners[ev] = fn; }
    remove() { if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this); byId.delete(this._id); }
    click() { this.listeners.click?.(); }
    text(): string { return this.textContent + this.children.map((c) => c.text()).join(' '); }
  }
  const body = new El('body');
  const posted: string[] = [];
  const window: Record<string, unknown> = {
    postMessage: (m: string) => posted.push(m),
  };
  const document = { createElement: (t: string) => new El(t), getElementById: (id: string) => byId.get(id) ?? null, body };
  return { window, document, body, byId, posted };
}

async function loadSdk() {
  const src = await (await fetch(`${sb.origin}/_sandbox/fb/sdk.js`)).text();
  const dom = fakeDom();
  const ctx = { window: dom.window, document: dom.document, fetch, console, setTimeout, JSON, Math, Date, String };
  dom.window.fbAsyncInit = () => (dom.window.inited = true);
  runInNewContext(src, ctx);
  await new Promise((r) => setTimeout(r, 5));
  return { ...dom, FB: dom.window.FB as { init(o: unknown): void; login(cb: (r: unknown) => void, o: unknown): void } };
}

test('the fake SDK is served as JavaScript and calls fbAsyncInit', async () => {
  const res = await fetch(`${sb.origin}/_sandbox/fb/sdk.js`);
  expect(res.headers.get('content-type')).toMatch(/javascript/);
  expect(res.headers.get('ycloud-request-id')).toMatch(/^req_/);
  const { window } = await loadSdk();
  expect(window.inited).toBe(true);
});

test('FB.login shows a consent dialog; Continue posts WA_EMBEDDED_SIGNUP FINISH and hands back a code', async () => {
  const { FB, byId, posted } = await loadSdk();
  FB.init({ appId: '1234', version: 'v25.0' });
  const got = new Promise<{ authResponse: { code: string } }>((resolve) =>
    FB.login((r) => resolve(r as { authResponse: { code: string } }), { config_id: 'cfg9', response_type: 'code', override_default_response_type: true, extras: { setup: { solutionID: 'sol7' }, sessionInfoVersion: '3' } }),
  );
  const dialog = byId.get('ycp-sandbox-fb-dialog')!;
  expect(dialog.text()).toContain('cfg9');
  expect(dialog.text()).toContain('sol7');
  byId.get('ycp-sandbox-fb-continue')!.click();
  const r = await got;
  expect(r.authResponse.code).toMatch(/^sbx_code_/);
  expect(byId.has('ycp-sandbox-fb-dialog')).toBe(false);
  expect(posted).toHaveLength(1);
  const msg = JSON.parse(posted[0]!);
  expect(msg).toMatchObject({ type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', version: '3' });
  expect(Object.keys(msg.data).sort()).toEqual(['business_id', 'phone_number_id', 'waba_id']);
  expect((await call(sb, 'GET', `/v2/whatsapp/businessAccounts/${msg.data.waba_id}`)).status).toBe(200);
});

test('Cancel posts CANCEL with current_step and calls back without a code', async () => {
  const { FB, byId, posted } = await loadSdk();
  FB.init({ appId: '1234', version: 'v25.0' });
  const got = new Promise<{ authResponse: unknown }>((resolve) => FB.login((r) => resolve(r as { authResponse: unknown }), { config_id: 'c' }));
  byId.get('ycp-sandbox-fb-cancel')!.click();
  expect((await got).authResponse).toBeNull();
  expect(JSON.parse(posted[0]!)).toMatchObject({ type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { current_step: expect.any(String) } });
});
