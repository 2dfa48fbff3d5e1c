// e2e: the BUILT binary (`npm run build` first) against a tiny fake
// YCloud on port 0 for the endpoint CRUD. SIGINT → the endpoint is deleted and the exit code is 130;
// SIGKILL → `webhook clean` removes the leftover. The secret never appears in any output.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { anEvent, postSigned } from '../helpers/webhook.js';
import { aPage } from '../helpers/builders.js';
import { assertValidRequest, assertValidResponse } from '../helpers/contract.js';
import { requireBuild, startBin, type BinProcess } from '../helpers/run-bin.js';
const SECRET = 'whsec_e2e_4c8d1f0a9b7e6d5c4b3a2918';

interface FakeYcloud {
  base: string;
  endpoints: Map<string, Record<string, unknown>>;
  log: string[];
  close(): Promise<void>;
}

/** Just enough of YCloud for the endpoint lifecycle; requests and responses checked against the spec. */
async function startFakeYcloud(): Promise<FakeYcloud> {
  const endpoints = new Map<string, Record<string, unknown>>();
  const log: string[] = [];
  let n = 0;
  const server: Server = createServer(async (req, res) => {
    let text = '';
    for await (const c of req) text += c;
    const path = (req.url ?? '').split('?')[0]!.replace(/^\/v2/, '');
    log.push(`${req.method} ${path}`);
    const send = (status: number, body: unknown) => {
      assertValidResponse(req.method!, path, status, body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.headers['x-api-key'] !== 'e2e-key-000000000000') return send(401, { error: { status: 401, code: 'UNAUTHORIZED' } });
    const id = /^\/webhookEndpoints\/([^/]+)$/.exec(path)?.[1];
    if (req.method === 'POST' && path === '/webhookEndpoints') {
      const body = JSON.parse(text);
      assertValidRequest('POST', path, body);
      const e = { id: `wh_e2e_${++n}`, ...body, status: 'active', secret: SECRET, createTime: new Date().toISOString(), updateTime: new Date().toISOString() };
      endpoints.set(e.id, e);
      return send(200, e);
    }
    if (req.method === 'GET' && path === '/webhookEndpoints') return send(200, aPage([...endpoints.values()]));
    if (req.method === 'DELETE' && id) {
      const e = endpoints.get(id);
      if (!e) return send(404, { error: { status: 404, code: 'NOT_FOUND' } });
      endpoints.delete(id);
      return send(200, e);
    }
    if (req.method === 'GET' && id && endpoints.has(id)) return send(200, endpoints.get(id));
    send(404, { error: { status: 404, code: 'NOT_FOUND' } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`,
    endpoints,
    log,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

let ycloud: FakeYcloud;
let configDir: string;
let listen: BinProcess | undefined;
beforeAll(requireBuild);
afterEach(async () => {
  listen?.kill();
  await ycloud?.close();
  rmSync(configDir, { recursive: true, force: true });
});

function ycp(args: string[]): BinProcess {
  return startBin(args, { env: { YCLOUD_API_KEY: 'e2e-key-000000000000', YCLOUD_BASE_URL: ycloud.base, YCP_CONFIG_DIR: configDir, CI: '1' } });
}

describe('ycp webhook listen (built binary)', () => {
  test('SIGINT deletes the endpoint, exits 130, never prints the secret', { timeout: 30_000 }, async () => {
    ycloud = await startFakeYcloud();
    configDir = mkdtempSync(join(tmpdir(), 'ycp-e2e-'));
    const run = (listen = ycp(['webhook', 'listen']));
    const url = await run.until((p) => /receiving on (http:\/\/127\.0\.0\.1:\d+)/.exec(p.stderr)?.[1], 'the ready line');
    expect([...ycloud.endpoints.values()][0]).toMatchObject({ url: `${url}/`, description: expect.stringMatching(/^ycp listen host=\S+ pid=\d+ started=/) });
    const ok = await postSigned(url, JSON.stringify(anEvent('evt_e2e_0001', 'whatsapp.message.updated', { whatsappMessage: { id: 'm1', wabaId: '1', from: '+15550001111', status: 'read', wamid: 'wamid.E2E' } })), { secret: SECRET });
    expect(ok.status).toBe(200);
    expect((await postSigned(url, JSON.stringify(anEvent('evt_e2e_forged')), { secret: 'whsec_nope_0000000000' })).status).toBe(400);
    await run.until((p) => p.stdout.includes('evt_e2e_0001'), 'the event line');
    run.child.kill('SIGINT');
    expect((await run.exited).code).toBe(130);
    expect(ycloud.log).toEqual(['POST /webhookEndpoints', 'DELETE /webhookEndpoints/wh_e2e_1']);
    expect(ycloud.endpoints.size).toBe(0);
    expect(run.stdout).toMatch(/^\S+Z\twhatsapp\.message\.updated\tevt_e2e_0001\tread wamid\.E2E\n$/);
    expect(run.stderr).toContain('Deleted webhook endpoint wh_e2e_1');
    expect(run.stdout + run.stderr).not.toContain(SECRET.slice(3, -3));
  });

  test('SIGKILL leaves the endpoint; `webhook clean` removes it', { timeout: 30_000 }, async () => {
    ycloud = await startFakeYcloud();
    configDir = mkdtempSync(join(tmpdir(), 'ycp-e2e-'));
    const run = (listen = ycp(['webhook', 'listen']));
    await run.until((p) => p.stderr.includes('receiving on'), 'the ready line');
    run.child.kill('SIGKILL');
    await run.exited;
    expect(ycloud.endpoints.size).toBe(1);
    const clean = ycp(['webhook', 'clean']);
    expect((await clean.exited).code).toBe(0);
    expect(ycloud.endpoints.size).toBe(0);
    expect(ycloud.log.at(-1)).toBe('DELETE /webhookEndpoints/wh_e2e_1');
    expect(clean.stdout).toMatch(/^deleted\twh_e2e_1\t.*\tlisten run pid \d+ is gone\n$/);
    expect(clean.stdout + clean.stderr).not.toContain(SECRET.slice(3, -3));
  });
});
