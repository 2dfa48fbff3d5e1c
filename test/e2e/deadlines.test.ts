// Issue 10 §2 "Nothing waits forever", on the BUILT binary against real local servers on port 0:
// a server that accepts connections and never answers, one that asks to retry after 100000 s, and one
// that streams a 100 MB body. Each run must end within its deadline and say what it waited for.
// The time bounds are generous (a loaded 2-core machine); the defects they catch took minutes.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';
import { anError, WABA_ID } from '../helpers/builders.js';
import { expectNoSecrets } from '../helpers/test-ctx.js';
import { until } from '../helpers/until.js';

const KEY = 'e2e-key-7d1c4b9a2e6f0a3b';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

/** Accepts every connection, reads what comes, never answers. */
async function silentServer(): Promise<{ base: string; connections: () => number }> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server: TcpServer = createTcpServer((s) => {
    count++;
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    s.resume();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`, connections: () => count };
}

async function httpServer(handler: Parameters<typeof createHttpServer>[1]): Promise<{ base: string; server: Server }> {
  const server = createHttpServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`, server };
}

const env = (base: string, extra: Record<string, string> = {}) => ({ YCLOUD_BASE_URL: base, YCLOUD_API_KEY: KEY, ...extra });

async function timed<T>(p: Promise<T>): Promise<T & { ms: number }> {
  const t0 = Date.now();
  const r = await p;
  return { ...r, ms: Date.now() - t0 };
}

describe('a server that accepts connections and never answers', () => {
  test('waba list ends within the timeout setting and says what it waited for and how long', async () => {
    const s = await silentServer();
    const r = await timed(runBin(['waba', 'list'], { env: env(s.base, { YCP_TIMEOUT: '2s' }), timeoutMs: 30_000 }));
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(8_000);
    expect(r.stderr).toContain(`error: could not list WABAs: YCloud at ${s.base} did not answer within 2.0s`);
    expect(r.stderr).toContain('code: DEADLINE_EXCEEDED');
    expect(r.stderr).toMatch(/hint: .*YCP_TIMEOUT/);
    expect(r.stdout).toBe('');
    expectNoSecrets(r.stdout + r.stderr, [KEY]);
  });

  test('the same under --json: one error document naming the deadline', async () => {
    const s = await silentServer();
    const r = await runBin(['waba', 'list', '--json'], { env: env(s.base, { YCP_TIMEOUT: '1500ms' }), timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { kind: 'network', code: 'DEADLINE_EXCEEDED', message: expect.stringContaining('did not answer within 1.5s') } });
  });

  test('phone wait --timeout 3s ends within about 4 s (the wait, then 1 s for a last check), whatever the server does', async () => {
    const s = await silentServer();
    const r = await timed(runBin(['phone', 'wait', WABA_ID, '+15550001111', '--timeout', '3s'], { env: env(s.base), timeoutMs: 30_000 }));
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(7_000);
    expect(r.stderr).toContain('did not answer within 4.0s');
    expect(r.stderr).toContain('the wait ends at --timeout 3s (and 1s for a last check)');
  });

  test('message send ends within the timeout setting and warns that the message may have gone out', async () => {
    const s = await silentServer();
    const r = await timed(
      runBin(['message', 'send', '--from', '+15550001111', '--to', '+15550002222', '--text', 'hi'], { env: env(s.base, { YCP_TIMEOUT: '2s' }), timeoutMs: 30_000 }),
    );
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(8_000);
    expect(r.stderr).toContain('error: could not send a message to +15550002222: YCloud at');
    expect(r.stderr).toContain('did not answer within 2.0s');
    expect(r.stderr).toContain('it may have reached YCloud');
    expect(s.connections()).toBe(1); // never retried
  });

  test('an invalid YCP_TIMEOUT is a usage error (exit 2) naming the variable', async () => {
    const s = await silentServer();
    const r = await runBin(['waba', 'list'], { env: env(s.base, { YCP_TIMEOUT: 'soon' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('YCP_TIMEOUT');
    expect(s.connections()).toBe(0);
  });
});

test('Retry-After beyond the deadline fails at once, quoting the value, without sleeping', async () => {
  let hits = 0;
  const s = await httpServer((req, res) => {
    hits++;
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '100000' });
    res.end(JSON.stringify(anError(429, 'TOO_MANY_REQUESTS', 'slow down')));
  });
  const r = await timed(runBin(['waba', 'get', WABA_ID], { env: env(s.base), timeoutMs: 30_000 }));
  expect(r.code).toBe(1);
  expect(r.ms).toBeLessThan(5_000);
  expect(hits).toBe(1);
  expect(r.stderr).toContain('Retry-After: 100000');
  expect(r.stderr).toContain('code: TOO_MANY_REQUESTS');
});

test('a 100 MB body is not read whole: exit 1 at the cap, and the connection is dropped', async () => {
  let written = 0;
  let closedEarly = false;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const s = await httpServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"items":[],"pad":"');
    const total = 100 * 1024 * 1024;
    const pump = () => {
      while (written < total) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('"}');
    };
    res.on('close', () => (closedEarly = written < total));
    pump();
  });
  const r = await timed(runBin(['waba', 'list'], { env: env(s.base), timeoutMs: 60_000 }));
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('error: could not list WABAs: the answer is larger than 4 MiB');
  expect(r.stderr).toContain('code: RESPONSE_TOO_LARGE');
  await until(() => closedEarly, 'the server to see the connection dropped before the whole body was sent', { timeoutMs: 1_000 });
  expect(closedEarly).toBe(true);
  expect(written).toBeLessThan(32 * 1024 * 1024);
});
