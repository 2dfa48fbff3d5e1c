// The built `ycp` against the sandbox, for every foundation command, including faults and the
// register limit. Exit codes are the contract (CLI.md §5); the API key must never be printed.
import { execa } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SEED, startSandbox, type Sandbox } from '../../src/core/sandbox/index.js';
import { expectExit, requireBuild, ycp } from '../helpers/e2e.js';
import { BIN } from '../helpers/run-bin.js';
import { control } from '../helpers/sandbox.js';

let sb: Sandbox;
const W = SEED.wabaId;
const run = (args: string[], env?: Record<string, string>) => ycp(args, { baseUrl: sb.baseUrl, apiKey: sb.apiKey, env });

beforeAll(async () => {
  requireBuild();
  sb = await startSandbox({ port: 0, timeScale: 50 });
});
afterAll(() => sb.close());
beforeEach(() => control(sb, 'POST', '/reset'));

describe('reads', () => {
  test('waba list / get', async () => {
    const list = await run(['waba', 'list', '--json']);
    expectExit(list, 0);
    expect(JSON.parse(list.stdout).map((w: { id: string }) => w.id)).toEqual([W, SEED.unpaidWabaId]);
    const get = await run(['waba', 'get', SEED.unpaidWabaId, '--json']);
    expectExit(get, 0);
    expect(JSON.parse(get.stdout).paymentMethodAttached).toBe(false);
    const missing = await run(['waba', 'get', '999']);
    expectExit(missing, 1);
    expect(missing.stderr).toMatch(/code: NOT_FOUND\s+request id: req_/);
    expectExit(await run(['waba', 'get', 'abc']), 2);
  });
  test('phone list / get by E.164 and by ID', async () => {
    const list = await run(['phone', 'list', '--waba', W, '--json']);
    expectExit(list, 0);
    expect(JSON.parse(list.stdout)).toHaveLength(3);
    const byE164 = await run(['phone', 'get', W, SEED.connected.e164, '--json']);
    expectExit(byE164, 0);
    expect(JSON.parse(byE164.stdout).status).toBe('CONNECTED');
    const byId = await run(['phone', 'get', W, SEED.pending.id]);
    expectExit(byId, 0);
    expect(byId.stdout).toContain('PENDING');
  });
  test('template list', async () => {
    const r = await run(['template', 'list', '--waba', W, '--status', 'APPROVED', '--json']);
    expectExit(r, 0);
    expect(JSON.parse(r.stdout).map((t: { name: string }) => t.name).sort()).toEqual(['hello_world', 'order_update', 'order_update']);
  });
  test('a wrong key is exit 4', async () => {
    const r = await ycp(['waba', 'list'], { baseUrl: sb.baseUrl, apiKey: 'sbx_not_the_key_123' });
    expectExit(r, 4);
  });
});

describe('register, wait, check', () => {
  test('register a PENDING number, wait for CONNECTED, then check passes', async () => {
    const reg = await run(['phone', 'register', W, SEED.pending.id, '--yes', '--json']);
    expectExit(reg, 0);
    expect(JSON.parse(reg.stdout)).toMatchObject({ phoneNumberId: SEED.pending.id, skipped: false });
    const wait = await run(['phone', 'wait', W, SEED.pending.e164, '--timeout', '10s', '--interval', '50ms']);
    expectExit(wait, 0);
    expectExit(await run(['phone', 'check', SEED.connected.e164, SEED.pending.e164]), 0);
    const again = await run(['phone', 'register', W, SEED.pending.e164, '--yes', '--json']);
    expect(JSON.parse(again.stdout).skipped).toBe(true);
  });
  test('check of a WABA with PENDING and BANNED numbers exits 3 listing them', async () => {
    const r = await run(['phone', 'check', '--waba', W]);
    expectExit(r, 3);
    expect(r.stdout).toContain(SEED.banned.e164);
    expect(r.stdout).toContain(SEED.pending.e164);
    expect(r.stdout).not.toContain(SEED.connected.e164);
  });
  test('a BANNED number: register fails (exit 1), wait stops at once (exit 3)', async () => {
    const reg = await run(['phone', 'register', W, SEED.banned.id, '--yes']);
    expectExit(reg, 1);
    expect(reg.stderr).toContain('WHATSAPP_PHONE_NUMBER_UNAVAILABLE');
    expectExit(await run(['phone', 'wait', W, SEED.banned.e164, '--timeout', '5s']), 3);
  });
  test('the register limit: the 10th try works, the 11th is refused with a clear code', async () => {
    const slow = await startSandbox({ port: 0, timeScale: 0.01 }); // stays PENDING for the whole test
    try {
      await control(slow, 'PATCH', `/phoneNumbers/${SEED.pending.id}`, { registerAttempts: 9 });
      const tenth = await ycp(['phone', 'register', W, SEED.pending.id, '--yes'], { baseUrl: slow.baseUrl, apiKey: slow.apiKey });
      expectExit(tenth, 0);
      const eleventh = await ycp(['phone', 'register', W, SEED.pending.id, '--yes', '--json'], { baseUrl: slow.baseUrl, apiKey: slow.apiKey });
      expectExit(eleventh, 1);
      expect(JSON.parse(eleventh.stdout).error).toMatchObject({ kind: 'api', code: 'TOO_MANY_REQUESTS', requestId: expect.stringMatching(/^req_/) });
      expect(JSON.parse(eleventh.stdout).error.message).toMatch(/10 attempts per 72 hours/);
      expect(slow.state.phones.find((p) => p.number.id === SEED.pending.id)!.registerAttempts).toHaveLength(10);
    } finally {
      await slow.close();
    }
  });
});

describe('messages', () => {
  test('send a template and --wait read, then get it', async () => {
    const r = await run(['message', 'send', '--from', SEED.connected.e164, '--to', '+15550002222', '--template', 'order_update', '--language', 'en_US',
      '--param', 'Ana', '--param', '#42', '--wait', 'read', '--interval', '50ms', '--json']);
    expectExit(r, 0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].event).toBe('sent');
    expect(lines.at(-1)).toMatchObject({ event: 'done', status: 'read' });
    const get = await run(['message', 'get', lines[0].id, '--json']);
    expectExit(get, 0);
    expect(JSON.parse(get.stdout)).toMatchObject({ id: lines[0].id, status: 'read' });
  });
  test('a failing recipient ends --wait with exit 1 and the error code', async () => {
    const r = await run(['message', 'send', '--from', SEED.connected.e164, '--to', SEED.failingRecipient, '--text', 'hi', '--wait', '--interval', '50ms']);
    expectExit(r, 1);
    expect(r.stderr).toContain('131026');
  });
  test('a PENDING template is refused by the API (exit 1, WHATSAPP_TEMPLATE_UNAVAILABLE)', async () => {
    const r = await run(['message', 'send', '--from', SEED.connected.e164, '--to', '+15550002222', '--template', 'spring_sale', '--language', 'en']);
    expectExit(r, 1);
    expect(r.stderr).toContain('WHATSAPP_TEMPLATE_UNAVAILABLE');
  });
});

describe('faults', () => {
  test('429 then success: a GET is retried and the command succeeds', async () => {
    await control(sb, 'POST', '/faults', { kind: 'rate_limit', path: '/v2/whatsapp/businessAccounts', times: 1, retryAfter: 1 });
    const r = await run(['waba', 'list', '--verbose']);
    expectExit(r, 0);
    expect(r.stderr).toMatch(/429/);
    expect(r.stdout).toContain(W);
  });
  test('5xx once is retried; 5xx every time is exit 1 with the code', async () => {
    await control(sb, 'POST', '/faults', { kind: 'error', path: `/v2/whatsapp/businessAccounts/${W}`, times: 1 });
    expectExit(await run(['waba', 'get', W]), 0);
    await control(sb, 'POST', '/faults', { kind: 'error', status: 500, path: `/v2/whatsapp/businessAccounts/${W}` });
    const r = await run(['waba', 'get', W]);
    expectExit(r, 1);
    expect(r.stderr).toContain('INTERNAL_SERVER_ERROR');
  });
  test('a dropped connection is retried; always dropped is a network error (exit 1)', async () => {
    await control(sb, 'POST', '/faults', { kind: 'drop', path: '/v2/whatsapp/phoneNumbers', times: 1 });
    expectExit(await run(['phone', 'list']), 0);
    await control(sb, 'POST', '/faults', { kind: 'drop', path: '/v2/whatsapp/phoneNumbers' });
    const r = await run(['phone', 'list']);
    expectExit(r, 1);
    expect(r.stderr).toMatch(/could not reach YCloud/);
  });
  test('register is never retried after a 5xx', async () => {
    await control(sb, 'POST', '/faults', { kind: 'error', path: '/v2/whatsapp/phoneNumbers/*/register', times: 1 });
    expectExit(await run(['phone', 'register', W, SEED.pending.id, '--yes']), 1);
    expect(sb.state.phones.find((p) => p.number.id === SEED.pending.id)!.registerAttempts).toEqual([]);
  });
  test('malformed JSON is exit 1 with MALFORMED_RESPONSE', async () => {
    await control(sb, 'POST', '/faults', { kind: 'malformed', path: `/v2/whatsapp/businessAccounts/${W}` });
    const r = await run(['waba', 'get', W]);
    expectExit(r, 1);
    expect(r.stderr).toContain('MALFORMED_RESPONSE');
  });
});

describe('ycp sandbox itself', () => {
  test('prints one JSON object, serves the API, keeps state across restarts and stops cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ycp-sbx-cmd-'));
    try {
      const state = join(dir, 'state.json');
      const start = async () => {
        const child = execa(process.execPath, [BIN, 'sandbox', '--port', '0', '--state', state, '--json'], { env: { PATH: process.env.PATH ?? '', YCP_CONFIG_DIR: dir, CI: '1' }, extendEnv: false, reject: false });
        const info = await new Promise<Record<string, string>>((resolve, reject) => {
          let buf = '';
          child.stdout!.on('data', (c) => {
            buf += c;
            try {
              resolve(JSON.parse(buf));
            } catch {
              /* not complete yet */
            }
          });
          child.on('exit', () => reject(new Error(`sandbox exited early: ${buf}`)));
        });
        return { child, info };
      };
      const a = await start();
      expect(a.info.export).toBe(`export YCLOUD_BASE_URL=${a.info.baseUrl} YCLOUD_API_KEY=${a.info.apiKey}`);
      expect(a.info.apiKey).toMatch(/^sbx_/);
      const sig = await ycp(['waba', 'list'], { baseUrl: a.info.baseUrl!, apiKey: a.info.apiKey! });
      expectExit(sig, 0);
      a.child.kill('SIGTERM');
      const ended = await a.child;
      expect(ended.exitCode).toBe(143); // 128 + SIGTERM
      const b = await start();
      expect(b.info.apiKey).toBe(a.info.apiKey);
      b.child.kill('SIGINT');
      expect((await b.child).exitCode).toBe(130);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('a bad --seed or --time-scale is exit 2', async () => {
    expectExit(await ycp(['sandbox', '--seed', 'huge']), 2);
    expectExit(await ycp(['sandbox', '--time-scale', '0']), 2);
    expectExit(await ycp(['sandbox', '--port', '70000']), 2);
  });
});
