// The capture server's safety promises (CLI.md §7): POST + JSON only, one-time state token, small
// bodies, digit IDs, repeats and forgeries change nothing, and the progress route needs the token.
import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { readConfigBlock } from '../../../src/core/signup/config-block.js';
import { BODY_LIMIT, startSignupServer, type SignupServer } from '../../../src/core/signup/server.js';
import { aPageDir, PAGE_VALUES, SIGNUP_CODE } from '../../helpers/signup.js';

let server: SignupServer;
let ac: AbortController;
afterEach(async () => {
  ac.abort();
  await server.close();
});

async function start(keepRunning = false) {
  ac = new AbortController();
  server = await startSignupServer({ dir: await aPageDir(), keepRunning, now: () => 1_700_000_000_000, signal: ac.signal });
  return server;
}

function http(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(new URL(path, server.localUrl), { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const json = { 'content-type': 'application/json' };
/** What the page's fetch sends: its own origin (a same-origin POST always carries Origin). */
const own = () => ({ origin: new URL(server.localUrl).origin });
const post = (body: unknown, headers: Record<string, string> = json) =>
  http('POST', '/ycp/callback', typeof body === 'string' ? body : JSON.stringify(body), { ...own(), ...headers });
const token = async () => String(readConfigBlock((await http('GET', '/')).body)!.state);
const finish = (state: string, over: Record<string, unknown> = {}) => ({ state, event: 'FINISH', code: SIGNUP_CODE, waba_id: '111', phone_number_id: '222', ...over });

describe('signup capture server', () => {
  test('binds 127.0.0.1 and serves the page with the scaffolded values plus a state token and callback URL', async () => {
    await start();
    expect(server.localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await http('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const cfg = readConfigBlock(page.body)!;
    expect(cfg).toMatchObject({ ...PAGE_VALUES, callbackUrl: '/ycp/callback', progressUrl: '/ycp/progress' });
    expect(String(cfg.state)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await http('GET', '/signup.js')).status).toBe(200);
    expect((await http('GET', '/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  test('never serves dot files, folders or paths outside the page folder', async () => {
    await start();
    for (const p of ['/.ycp', '/.ycp/x.json', '/../package.json', '/%2e%2e/package.json', '/a/b.js', '/nothing.js']) {
      expect((await http('GET', p)).status, p).toBe(404);
    }
  });

  test('accepts one valid result, hands it over, and answers a repeat with 409', async () => {
    await start();
    const state = await token();
    const next = server.next(ac.signal);
    expect(await post(finish(state))).toMatchObject({ status: 202 });
    const s = await next;
    // `body` is what `--forward-to` sends on: the posted keys without `state`.
    expect(s.capture).toEqual({
      event: 'FINISH', code: SIGNUP_CODE, wabaId: '111', phoneNumberId: '222', receivedAt: 1_700_000_000_000,
      body: { event: 'FINISH', code: SIGNUP_CODE, waba_id: '111', phone_number_id: '222' },
    });
    expect(await post(finish(state))).toMatchObject({ status: 409, body: '{"error":"this signup was already received"}' });
    expect(await post(finish(state, { waba_id: '999' }))).toMatchObject({ status: 409 });
  });

  test('rejects a forged or missing token with 403 and changes nothing', async () => {
    await start();
    const state = await token();
    expect(await post(finish('forged-token'))).toMatchObject({ status: 403, body: '{"error":"invalid state token"}' });
    expect(await post(finish(state.slice(0, -1) + (state.endsWith('A') ? 'B' : 'A')))).toMatchObject({ status: 403 });
    expect(await post({ event: 'FINISH', waba_id: '1' })).toMatchObject({ status: 403, body: '{"error":"missing state token"}' });
    // the real token still works afterwards
    const next = server.next(ac.signal);
    expect((await post(finish(state))).status).toBe(202);
    expect((await next).capture.wabaId).toBe('111');
  });

  test('takes the callback only from the page origin: another origin, `null` or none is 403 and the token stays good', async () => {
    await start();
    const state = await token();
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:1', `http://127.0.0.1:${server.port}.evil.example`]) {
      expect(await post(finish(state), { ...json, origin }), origin).toMatchObject({ status: 403, body: '{"error":"the callback is only accepted from the signup page itself (Origin)"}' });
    }
    expect((await http('POST', '/ycp/callback', JSON.stringify(finish(state)), json)).status).toBe(403); // no Origin at all
    // The tunnel's origin once serve knows it; `localhost` always (the server is on 127.0.0.1).
    server.allowOrigin('https://abc.trycloudflare.com/');
    const next = server.next(ac.signal);
    expect((await post(finish(state), { ...json, origin: 'https://abc.trycloudflare.com' })).status).toBe(202);
    expect((await next).capture.wabaId).toBe('111');
    expect(await post(finish(state), { ...json, origin: `http://localhost:${server.port}` })).toMatchObject({ status: 409 });
  });

  test('only POST with application/json, a small body and digit IDs', async () => {
    await start();
    const state = await token();
    expect((await http('GET', '/ycp/callback')).status).toBe(405);
    expect((await http('PUT', '/ycp/callback', '{}', json)).status).toBe(405);
    expect((await post(finish(state), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(finish(state), { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post(JSON.stringify(finish(state, { pad: 'x'.repeat(BODY_LIMIT) })))).status).toBe(413);
    expect((await post('{not json')).status).toBe(400);
    expect(await post(finish(state, { waba_id: '12a' }))).toMatchObject({ status: 400, body: '{"error":"waba_id must be a string of digits"}' });
    expect((await post(finish(state, { waba_id: 123 }))).status).toBe(400); // a number, not a digit string
    expect((await post(finish(state, { phone_number_id: '1 OR 1' }))).status).toBe(400);
    expect((await post(finish(state, { waba_id: undefined }))).status).toBe(400);
    expect((await post(finish(state, { event: 'SOMETHING' }))).status).toBe(400);
    expect((await post(finish(state, { event: '<script>' }))).status).toBe(400);
    expect((await post(finish(state, { code: 'a b' }))).status).toBe(400);
    // none of those used up the token
    expect((await post(finish(state))).status).toBe(202);
  });

  test('an unknown FINISH_* with a waba_id is accepted; CANCEL keeps only bounded text fields', async () => {
    await start(true);
    let next = server.next(ac.signal);
    expect((await post(finish(await token(), { event: 'FINISH_OBO_MIGRATION', phone_number_id: undefined, code: undefined }))).status).toBe(202);
    expect((await next).capture).toMatchObject({ event: 'FINISH_OBO_MIGRATION', wabaId: '111' });
    next = server.next(ac.signal);
    expect((await post({ state: await token(), event: 'CANCEL', current_step: 'x'.repeat(2000), ignored: 'y' })).status).toBe(202);
    const c = (await next).capture;
    expect(c.currentStep).toHaveLength(500);
    expect(Object.keys(c).sort()).toEqual(['body', 'currentStep', 'event', 'receivedAt']);
    expect(c.body).toEqual({ event: 'CANCEL', current_step: 'x'.repeat(500) }); // `ignored` is not forwarded
  });

  test("Meta's current shapes: v4 asset arrays, error_code (and the legacy error_id), CANCEL_* and ERROR_* variants", async () => {
    await start(true);
    let next = server.next(ac.signal);
    const assets = { ad_account_ids: ['11', '12'], page_ids: ['21'], dataset_ids: ['31'], catalog_ids: ['41'], instagram_account_ids: ['51'], waba_ids: ['111', '112'] };
    expect((await post(finish(await token(), assets))).status).toBe(202);
    expect((await next).capture.assets).toEqual(assets);
    for (const bad of [{ page_ids: '21' }, { page_ids: [21] }, { waba_ids: ['1', 'x'] }, { catalog_ids: Array(101).fill('1') }]) {
      expect((await post(finish(await token(), bad))).status, JSON.stringify(bad).slice(0, 40)).toBe(400);
    }
    next = server.next(ac.signal);
    await post({ state: await token(), event: 'CANCEL', error_message: 'Something went wrong', error_code: '524126', session_id: 'f34b8b2f', timestamp: '1700000000' });
    expect((await next).capture).toMatchObject({ event: 'CANCEL', errorMessage: 'Something went wrong', errorCode: '524126', sessionId: 'f34b8b2f', timestamp: '1700000000' });
    next = server.next(ac.signal);
    await post({ state: await token(), event: 'CANCEL', error_message: 'x', error_id: '77' });
    expect((await next).capture.errorCode).toBe('77');
    for (const event of ['CANCEL_WHATSAPP_BUSINESS_APP_ONBOARDING', 'ERROR_WHATSAPP_BUSINESS_APP_ONBOARDING', 'ERROR']) {
      next = server.next(ac.signal);
      expect((await post({ state: await token(), event })).status, event).toBe(202);
      expect((await next).capture.event).toBe(event);
    }
  });

  test('--keep-running issues a fresh token after each capture; old pages get 409', async () => {
    await start(true);
    const first = await token();
    await post(finish(first));
    const second = await token();
    expect(second).not.toBe(first);
    expect((await post(finish(first))).status).toBe(409);
    expect((await post(finish(second))).status).toBe(202);
  });

  test('progress needs the token and shows the steps, then the final state', async () => {
    await start();
    const state = await token();
    expect((await http('GET', '/ycp/progress')).status).toBe(403);
    expect(JSON.parse((await http('GET', '/ycp/progress', undefined, { 'x-ycp-state': state })).body)).toEqual({ status: 'waiting', steps: [] });
    const next = server.next(ac.signal);
    await post(finish(state), { ...json, 'sec-fetch-mode': 'cors' });
    const s = await next;
    s.step('waba', 'Reading WABA 111');
    const settled = s.settled(60_000);
    let p = JSON.parse((await http('GET', '/ycp/progress', undefined, { 'x-ycp-state': state })).body);
    expect(p).toEqual({ status: 'running', steps: [{ phase: 'waba', message: 'Reading WABA 111', at: 1_700_000_000_000 }] });
    s.done({ wabaId: '111', status: 'CONNECTED' });
    p = JSON.parse((await http('GET', '/ycp/progress', undefined, { 'x-ycp-state': state })).body);
    expect(p).toMatchObject({ status: 'done', result: { wabaId: '111', status: 'CONNECTED' } });
    await settled; // resolved by the page's read, not by the 60 s timer
    expect(JSON.stringify(p)).not.toContain(SIGNUP_CODE);
  });

  test('next() rejects with an AbortError when the run is cancelled', async () => {
    await start();
    const next = server.next(ac.signal);
    ac.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
  });
});
