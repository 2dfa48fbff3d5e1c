// Issue 10 §5, on the built binary against real local servers: a correctly signed event cannot forge a
// line of `webhook listen` (newline in `id`) or drive the terminal (ESC in `type`), while --json keeps
// the exact values; several `s=` values in a signature header pass when any one matches, in either
// order; and the signup callback takes a result only from the page's own origin.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { runBin, startBin, type BinProcess } from '../helpers/run-bin.js';
import { httpText } from '../helpers/http-text.js';
import { startSandbox, type Sandbox } from '../../src/core/sandbox/index.js';
import { computeSignature } from '../../src/core/webhook/signature.js';
import { readConfigBlock } from '../../src/core/signup/config-block.js';
import { anEvent, postSigned } from '../helpers/webhook.js';
import { aPageDir } from '../helpers/signup.js';

let sb: Sandbox;
let dir: string;
const children: BinProcess[] = [];
beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 'empty' });
  dir = mkdtempSync(join(tmpdir(), 'ycp-e2e-forge-'));
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
});
afterAll(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ YCLOUD_BASE_URL: sb.baseUrl, YCLOUD_API_KEY: sb.apiKey, YCP_CONFIG_DIR: mkdtempSync(join(dir, 'cfg-')) });
const FORGED_ID = 'evt_real\n2030-01-01T00:00:00.000Z\twhatsapp.message.updated\tevt_forged\tdelivered wamid.FAKE';
const FORGED_TYPE = 'whatsapp.message.updated\u001b[2J\u001b[31m\u202e';

async function listen(args: string[]): Promise<{ p: BinProcess; url: string; secret: string }> {
  const p = startBin(['webhook', 'listen', '--port', '0', '--status-interval', '0', ...args], { env: env() });
  children.push(p);
  const url = await p.until((x) => /receiving on (http:\/\/127\.0\.0\.1:\d+)/.exec(x.stderr)?.[1], 'the listener URL');
  const secret = sb.state.endpoints.at(-1)!.secret!;
  return { p, url, secret };
}

describe('webhook listen', () => {
  test('human output: one line per event, control characters shown escaped, never acted on', async () => {
    const { p, url, secret } = await listen([]);
    const body = JSON.stringify(anEvent(FORGED_ID, FORGED_TYPE));
    expect((await postSigned(url, body, { secret })).status).toBe(200);
    const out = await p.until((x) => (x.stdout.endsWith('\n') ? x.stdout : undefined), 'the event line');
    expect(out.split('\n')).toHaveLength(2); // one line and the final newline
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const cells = out.trimEnd().split('\t');
    expect(cells).toHaveLength(4);
    expect(cells[1]).toBe('whatsapp.message.updated\\x1b[2J\\x1b[31m\\u202e');
    expect(cells[2]).toBe('evt_real\\n2030-01-01T00:00:00.000Z\\twhatsapp.message.updated\\tevt_forged\\tdelivered wamid.FAKE');
  });

  test('--json keeps the exact values (JSON escapes only)', async () => {
    const { p, url, secret } = await listen(['--json']);
    const body = JSON.stringify(anEvent(FORGED_ID, FORGED_TYPE));
    expect((await postSigned(url, body, { secret })).status).toBe(200);
    const line = await p.until((x) => (x.stdout.endsWith('\n') ? x.stdout : undefined), 'the NDJSON line');
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line)).toMatchObject({ id: FORGED_ID, type: FORGED_TYPE });
  });
});

describe('webhook verify with several s= values', () => {
  const SECRET = 'whsec_verify_e2e_0123456789abcdef';
  const body = JSON.stringify(anEvent('evt_multi'));
  const t = Math.floor(Date.now() / 1000);
  const good = computeSignature(SECRET, t, body);
  const bad = computeSignature('whsec_some_other_secret_000000', t, body);
  test.each([
    ['valid first', `t=${t},s=${good},s=${bad}`],
    ['valid last', `t=${t},s=${bad},s=${good}`],
  ])('%s → exit 0', async (_name, header) => {
    const file = join(dir, 'body.json');
    writeFileSync(file, body);
    const r = await runBin(['webhook', 'verify', '--secret', SECRET, '--header', header, '--body-file', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  test('no candidate matches → exit 3', async () => {
    const file = join(dir, 'body.json');
    writeFileSync(file, body);
    const r = await runBin(['webhook', 'verify', '--secret', SECRET, '--header', `t=${t},s=${bad},s=${bad}`, '--body-file', file]);
    expect(r.code).toBe(3);
  });
});

describe('signup serve callback', () => {
  test('a post from another origin is 403 and does not use up the token; the page origin is 202', async () => {
    const page = await aPageDir();
    const p = startBin(['signup', 'serve', '--dir', page, '--no-register', '--json'], { env: env() });
    children.push(p);
    const url = await p.until((x) => /"localUrl":"(http:\/\/127\.0\.0\.1:\d+\/)"/.exec(x.stdout)?.[1], 'the local URL');
    const state = String(readConfigBlock((await httpText(url, 'GET', '/')).body)!.state);
    const body = JSON.stringify({ state, event: 'FINISH', waba_id: '111', phone_number_id: '222' });
    const post = (headers: Record<string, string>) => httpText(url, 'POST', '/ycp/callback', body, { 'content-type': 'application/json', ...headers });
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await post({ origin: new URL(url).origin })).status).toBe(202);
    expect((await p.exited).code).toBe(0);
  });
});
