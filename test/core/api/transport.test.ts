// One contract for both transports (src/core/api/transport.ts), run against a real local server: what
// runs in production (node:http for a direct connection, undici through a proxy) is what is tested here.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { execa } from 'execa';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent } from 'undici';
import { nodeTransport } from '../../../src/core/api/transport-node.js';
import { undiciTransport } from '../../../src/core/api/transport-undici.js';
import type { HttpResponse, Transport } from '../../../src/core/api/transport.js';
import { MAX_RESPONSE_BYTES, readCapped } from '../../../src/core/api/body.js';
import { isNetworkError } from '../../../src/core/api/errors.js';
import { abortAfter } from '../../../src/core/deadline.js';
import { selfSignedCert } from '../../helpers/tls.js';

type Route = (req: IncomingMessage & { body: string }, res: ServerResponse) => void;
const routes: Record<string, Route> = {};
let server: Server;
let base: string;
let connections = 0;
/** Bytes the /endless route managed to send before the client hung up, and whether its connection closed. */
let endlessSent = 0;
let endlessClosed: Promise<void> = Promise.resolve();
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => (routes[req.url!.split('?')[0]!] ?? notFound)(Object.assign(req, { body }), res));
  });
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

const notFound: Route = (_req, res) => res.writeHead(404).end();
routes['/json'] = (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'ycloud-request-id': 'req_1', 'x-multi': ['a', 'b'] });
  res.end(JSON.stringify({ method: req.method, path: req.url, key: req.headers['x-api-key'], type: req.headers['content-type'] ?? null, length: req.headers['content-length'] ?? null, body: req.body }));
};
routes['/empty'] = (_req, res) => res.writeHead(204).end();
routes['/chunked'] = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"items":[');
  setTimeout(() => res.end('1,2,3]}'), 20);
};
routes['/endless'] = (req, res) => {
  endlessClosed = new Promise((r) => req.socket.once('close', () => r()));
  res.writeHead(200, { 'content-type': 'application/json' });
  const piece = Buffer.alloc(64 * 1024, 'x');
  const pump = () => {
    while (!res.destroyed && endlessSent < 64 * MAX_RESPONSE_BYTES) {
      endlessSent += piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
  };
  pump();
};
routes['/declared-huge'] = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * MAX_RESPONSE_BYTES) });
  res.write('{"a":');
};
routes['/silent'] = () => {};
routes['/stall-body'] = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  res.write('{"partial":');
};
routes['/reset'] = (req) => req.socket.destroy();
routes['/reset-mid-body'] = (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
  res.write('{"partial":', () => setTimeout(() => req.socket.destroy(), 20));
};

/** The first `code` along the cause chain, as errors.ts reads it for the message. */
function codeOf(err: unknown): string | undefined {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) if (e.code) return e.code;
  return undefined;
}

const text = (res: HttpResponse) => readCapped(res.body, header(res, 'content-length'), 'could not read', undefined);
const header = (res: HttpResponse, name: string) => {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
const never = () => new AbortController().signal;

describe.each([
  ['node:http', () => nodeTransport({ connectTimeoutMs: 300 })],
  ['undici', () => undiciTransport(new Agent({ connect: { timeout: 300 } }))],
] as [string, () => Transport][])('the %s transport', (_name, make) => {
  const t = make();
  const get = (path: string, signal = never()) => t.request({ method: 'GET', url: new URL(base + path), headers: { 'x-api-key': 'k-123' }, signal });

  test('status, lower-case headers and a JSON body; the request headers arrive', async () => {
    const res = await get('/json?x=1');
    expect(res.status).toBe(200);
    expect(header(res, 'ycloud-request-id')).toBe('req_1');
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(await text(res))).toEqual({ method: 'GET', path: '/json?x=1', key: 'k-123', type: null, length: null, body: '' });
  });

  test('a JSON body is sent with its length', async () => {
    const body = JSON.stringify({ to: '+15550001111', text: 'héllo' });
    const res = await t.request({ method: 'POST', url: new URL(`${base}/json`), headers: { 'content-type': 'application/json' }, body, signal: never() });
    expect(JSON.parse(await text(res))).toMatchObject({ method: 'POST', type: 'application/json', length: String(Buffer.byteLength(body)), body });
  });

  test('an empty body and a chunked body read whole', async () => {
    const empty = await get('/empty');
    expect(empty.status).toBe(204);
    expect(await text(empty)).toBe('');
    expect(JSON.parse(await text(await get('/chunked')))).toEqual({ items: [1, 2, 3] });
  });

  test('a body past the cap is destroyed: the error names it and the server sees the connection go', async () => {
    endlessSent = 0;
    const err = await text(await get('/endless')).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'api', info: { code: 'RESPONSE_TOO_LARGE' } });
    await endlessClosed;
    // Memory stays bounded: the server could send no more than the cap and what the buffers held.
    expect(endlessSent).toBeLessThan(MAX_RESPONSE_BYTES + 8 * 1024 * 1024);
    const declared = await text(await get('/declared-huge')).catch((e: unknown) => e);
    expect(declared).toMatchObject({ info: { code: 'RESPONSE_TOO_LARGE' } });
  });

  test('a silent server: the signal aborts the wait for headers, and then the body', async () => {
    const started = Date.now();
    const step = abortAfter(150);
    await expect(get('/silent', step.signal)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
    const stall = abortAfter(150);
    const res = await get('/stall-body', stall.signal);
    await expect(text(res)).rejects.toThrow();
    expect(stall.why()).toBe('deadline');
  });

  test('an abort by the caller, before or during the request', async () => {
    const c = new AbortController();
    c.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    await expect(get('/json', c.signal)).rejects.toThrow();
    const d = new AbortController();
    const p = get('/silent', d.signal);
    setTimeout(() => d.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' })), 50);
    await expect(p).rejects.toThrow();
  });

  test('refused, reset and a reset mid-body carry the same codes, all network errors', async () => {
    const closed = createTcpServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = await t.request({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`), headers: {}, signal: never() }).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('ECONNREFUSED');
    const reset = await get('/reset').catch((e: unknown) => e);
    expect(codeOf(reset)).toBe('ECONNRESET');
    const midBody = await text(await get('/reset-mid-body')).catch((e: unknown) => e);
    expect(codeOf(midBody)).toBe('ECONNRESET');
    for (const e of [refused, reset, midBody]) expect(isNetworkError(e)).toBe(true);
  });

  test('a TLS handshake that never completes is a connect timeout (ETIMEDOUT), a network error', async () => {
    const mute = createTcpServer(() => {});
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r));
    try {
      const url = new URL(`https://127.0.0.1:${(mute.address() as AddressInfo).port}/`);
      const err = await t.request({ method: 'GET', url, headers: {}, signal: never() }).catch((e: unknown) => e);
      expect(codeOf(err)).toBe('ETIMEDOUT');
      expect(isNetworkError(err)).toBe(true);
    } finally {
      mute.close();
    }
  });

  test('keeps the connection alive for the next request', async () => {
    // undici frees a connection a tick after its body ended; a command does more than that in between.
    const tick = () => new Promise((r) => setImmediate(r));
    await text(await get('/json'));
    await tick();
    const before = connections;
    for (const path of ['/json', '/chunked', '/json']) {
      await text(await get(path));
      await tick();
    }
    expect(connections).toBe(before);
  });
});

// NODE_EXTRA_CA_CERTS is read when Node starts, so each transport runs in a child of its own here, bundled
// from the same source.
describe('HTTPS with a CA from NODE_EXTRA_CA_CERTS', () => {
  let dir: string;
  let child: string;
  let tls: ReturnType<typeof createHttpsServer>;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ycp-transport-tls-'));
    const { key, cert } = selfSignedCert(dir, 'IP:127.0.0.1');
    tls = createHttpsServer({ key, cert }, (_req, res) => res.end('{"tls":true}'));
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/v2/x`;
    const src = (f: string) => JSON.stringify(fileURLToPath(new URL(`../../../src/core/api/${f}`, import.meta.url)));
    child = join(dir, 'child.mjs');
    await build({
      stdin: {
        contents: `import { nodeTransport } from ${src('transport-node.ts')}; import { undiciTransport } from ${src('transport-undici.ts')}; import { Agent } from 'undici';
          const t = process.argv[2] === 'undici' ? undiciTransport(new Agent()) : nodeTransport();
          try {
            const res = await t.request({ method: 'GET', url: new URL(process.argv[3]), headers: {}, signal: new AbortController().signal });
            let body = ''; for await (const c of res.body) body += c;
            console.log(JSON.stringify({ status: res.status, body }));
          } catch (err) { let e = err; while (e && !e.code) e = e.cause; console.log(JSON.stringify({ code: e?.code })); }
          process.exit(0);`,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        loader: 'ts',
      },
      bundle: true, format: 'esm', platform: 'node', outfile: child, logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
  });
  afterAll(async () => {
    await new Promise((r) => tls.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  test.each(['node', 'undici'])('the %s transport trusts the extra CA, and refuses the certificate without it', async (kind) => {
    const run = async (env: Record<string, string>) => JSON.parse((await execa(process.execPath, [child, kind, url], { env: { PATH: process.env.PATH ?? '', ...env }, extendEnv: false })).stdout);
    expect(await run({ NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') })).toEqual({ status: 200, body: '{"tls":true}' });
    const refused = await run({});
    expect(refused.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    expect(isNetworkError({ code: refused.code })).toBe(true);
  });
});
