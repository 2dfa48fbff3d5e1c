// Issue #7 end to end, nothing faked: the BUILT `ycp sandbox` and `ycp webhook listen` as two child
// processes on loopback (no tunnel: the API is local, so the endpoint URL is the listener's own). A
// message sent with the built `ycp message send --wait read` from a CONNECTED sandbox number makes the
// sandbox POST signed `whatsapp.message.updated` events (sent, delivered, read); listen must verify
// each with the endpoint's secret, print it once as NDJSON and record it once in --output. Ctrl-C →
// exit 130 and the endpoint is deleted; SIGKILL leaves it, and `webhook clean` removes it. The
// endpoint secret (read from the sandbox's control route) never appears in any output.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { runBin, startBin, type BinProcess, type BinResult } from '../helpers/run-bin.js';
import { expectNoSecrets } from '../helpers/test-ctx.js';
import { schemaErrors } from '../helpers/contract.js';
import { control } from '../helpers/sandbox.js';
import { signatureHeader } from '../../src/core/webhook/signature.js';

const FROM = '+15550001111'; // CONNECTED in the default seed
const TO = '+15550002222';

interface SandboxInfo {
  origin: string;
  baseUrl: string;
  apiKey: string;
}
interface Endpoint {
  id: string;
  url: string;
  secret?: string;
  description?: string;
}
interface Delivery {
  eventId: string;
  endpointId: string;
  outcome: string;
  status?: number;
}

let sandbox: BinProcess;
let sb: SandboxInfo;
let dir: string;
const children: BinProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ycp-e2e-wh-'));
  // ×20: sent/delivered/read at 50/100/200 ms after the send.
  sandbox = startBin(['sandbox', '--port', '0', '--json', '--time-scale', '20'], { env: { YCP_CONFIG_DIR: join(dir, 'sandbox-config') } });
  sb = await sandbox.until((p) => parseJson<SandboxInfo>(p.stdout), 'the sandbox JSON line');
}, 30_000);

afterEach(() => {
  for (const c of children.splice(0)) c.kill();
});

afterAll(async () => {
  sandbox?.child.kill('SIGINT');
  const r = await sandbox?.exited;
  rmSync(dir, { recursive: true, force: true });
  expect(r?.code).toBe(130);
});

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** One config dir per scenario, shared by listen and clean (clean reads the ids listen recorded). */
function envFor(configDir: string) {
  return { YCLOUD_BASE_URL: sb.baseUrl, YCLOUD_API_KEY: sb.apiKey, YCP_CONFIG_DIR: configDir, CI: '1' };
}

function ycp(args: string[], configDir: string): Promise<BinResult> {
  return runBin(args, { env: envFor(configDir), timeoutMs: 20_000 });
}

function listen(args: string[], configDir: string): BinProcess {
  const p = startBin(['webhook', 'listen', ...args], { env: envFor(configDir) });
  children.push(p);
  return p;
}

const sandboxEndpoints = () => control<{ endpoints: Endpoint[] }>(sb, 'GET', '/state').then((s) => s.endpoints);
const deliveriesTo = (endpointId: string) =>
  control<{ deliveries: Delivery[] }>(sb, 'GET', '/state').then((s) => s.deliveries.filter((d) => d.endpointId === endpointId));

async function endpointList(configDir: string): Promise<Endpoint[]> {
  const r = await ycp(['webhook', 'endpoint', 'list', '--json'], configDir);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Endpoint[];
}

const readyUrl = (p: BinProcess) => /receiving on (http:\/\/127\.0\.0\.1:\d+)/.exec(p.stderr)?.[1];
const createdId = (p: BinProcess) => /Created webhook endpoint (\S+) for/.exec(p.stderr)?.[1];

test('listen receives and verifies the sandbox\'s signed message events once each; Ctrl-C → 130 and the endpoint is gone', { timeout: 60_000 }, async () => {
  const configDir = join(dir, 'run-1');
  const output = join(dir, 'events.ndjson');
  const run = listen(['--json', '--output', output], configDir);
  const url = await run.until(readyUrl, 'the ready line');
  const endpointId = (await run.until(createdId, 'the created line'))!;

  // The endpoint exists at the sandbox, points at the listener, carries the marker; its secret is real.
  const ep = (await sandboxEndpoints()).find((e) => e.id === endpointId)!;
  expect(ep).toMatchObject({ url: `${url}/`, description: expect.stringMatching(/^ycp listen host=\S+ pid=\d+ started=/) });
  expect(ep.secret).toMatch(/^whsec_/);
  const secret = ep.secret!;
  expect((await endpointList(configDir)).map((e) => e.id)).toContain(endpointId);

  const sent = await ycp(['message', 'send', '--from', FROM, '--to', TO, '--template', 'hello_world', '--language', 'en_US', '--wait', 'read', '--interval', '50ms', '--json'], configDir);
  expect(sent.code, sent.stderr).toBe(0);
  const messageId = (JSON.parse(sent.stdout.trim().split('\n')[0]!) as { id: string }).id;

  // Three events (sent, delivered, read) for this message, each printed once.
  const events = await run.until((p) => {
    const evs = p.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; type: string; whatsappMessage?: { id: string; status: string } });
    return evs.filter((e) => e.whatsappMessage?.id === messageId).length >= 3 && evs;
  }, 'the sent, delivered and read events');
  // Every delivery was acknowledged 2xx by the listener: signatures verified, none refused.
  // (The sandbox logs a delivery once the answer is in, a moment after listen printed it.)
  await expect.poll(async () => (await deliveriesTo(endpointId)).map((d) => [d.outcome, d.status]), { timeout: 5_000 })
    .toEqual([['delivered', 200], ['delivered', 200], ['delivered', 200]]);
  const log = await deliveriesTo(endpointId);

  // A forged delivery to the same listener is refused (400) and never printed or recorded.
  const forgedBody = JSON.stringify({ id: 'evt_forged_e2e', type: 'whatsapp.message.updated', apiVersion: 'v2', createTime: new Date().toISOString() });
  const forged = await fetch(`${url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'ycloud-signature': signatureHeader('whsec_not_the_secret_000000', Math.floor(Date.now() / 1000), forgedBody) },
    body: forgedBody,
  });
  expect(forged.status).toBe(400);
  await run.until((p) => p.stderr.includes('rejected 400 no-matching-secret'), 'the rejection line');

  run.child.kill('SIGINT');
  const exit = await run.exited;
  expect(exit.code).toBe(130);

  const lines = run.stdout.trim().split('\n');
  const final = JSON.parse(lines.pop()!) as { error?: { kind: string } };
  expect(final.error?.kind).toBe('cancelled');
  const printed = lines.map((l) => JSON.parse(l) as { id: string; type: string; whatsappMessage: { id: string; status: string } });
  expect(printed).toEqual(events);
  expect(printed.map((e) => e.whatsappMessage.status).sort()).toEqual(['delivered', 'read', 'sent']);
  expect(printed.every((e) => e.type === 'whatsapp.message.updated' && e.whatsappMessage.id === messageId)).toBe(true);
  expect(new Set(printed.map((e) => e.id)).size).toBe(3);
  expect(printed.map((e) => e.id).sort()).toEqual(log.map((d) => d.eventId).sort());
  for (const e of printed) expect(schemaErrors('Event', e)).toEqual([]);

  // The output file holds the same three events, once each, in the order they were acknowledged.
  const recorded = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string });
  expect(recorded).toEqual(printed);
  expect(run.stdout).not.toContain('evt_forged_e2e');

  // Gone from the sandbox, from `endpoint list`, and said so.
  expect(run.stderr).toContain(`Deleted webhook endpoint ${endpointId}`);
  expect((await sandboxEndpoints()).map((e) => e.id)).not.toContain(endpointId);
  expect((await endpointList(configDir)).map((e) => e.id)).not.toContain(endpointId);

  expectNoSecrets(run.stdout + run.stderr + sent.stdout + sent.stderr + readFileSync(output, 'utf8'), [secret, sb.apiKey]);
});

test('a listen run killed with SIGKILL leaves its endpoint; `webhook clean` removes it', { timeout: 60_000 }, async () => {
  const configDir = join(dir, 'run-2');
  const run = listen(['--json'], configDir);
  await run.until(readyUrl, 'the ready line');
  const endpointId = (await run.until(createdId, 'the created line'))!;
  const secret = (await sandboxEndpoints()).find((e) => e.id === endpointId)!.secret!;

  run.child.kill('SIGKILL');
  expect((await run.exited).signal).toBe('SIGKILL');
  expect((await endpointList(configDir)).map((e) => e.id)).toContain(endpointId);

  const clean = await ycp(['webhook', 'clean'], configDir);
  expect(clean.code, clean.stderr).toBe(0);
  expect(clean.stdout).toMatch(new RegExp(`^deleted\\t${endpointId}\\t.*\\tlisten run pid \\d+ is gone\\n$`));
  expect((await sandboxEndpoints()).map((e) => e.id)).not.toContain(endpointId);
  expect((await endpointList(configDir)).map((e) => e.id)).not.toContain(endpointId);
  // A second clean finds nothing left to do.
  const again = await ycp(['webhook', 'clean', '--json'], configDir);
  expect(again.code, again.stderr).toBe(0);
  expect(JSON.parse(again.stdout)).toEqual([]);

  expectNoSecrets(run.stdout + run.stderr + clean.stdout + clean.stderr, [secret, sb.apiKey]);
});
