// Proxies with the built binary: a real local HTTP proxy (CONNECT tunnels, absolute-form requests) proves
// that HTTPS_PROXY / HTTP_PROXY route API calls through it and that NO_PROXY bypasses it. A direct call goes
// through node:http, a proxied one through undici's EnvHttpProxyAgent (src/core/api/proxy.ts decides).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';
import { startFakeYcloud, type FakeYcloud } from '../helpers/fake-ycloud.js';
import { aWaba, WABA_ID } from '../helpers/builders.js';
import { selfSignedCert } from '../helpers/tls.js';

const KEY = 'proxy-key-7c1e5d2b8a64f3';
/** A name only the proxy can resolve: a call that reaches the server went through the proxy. */
const HOST = 'ycloud.test';

let api: FakeYcloud;
let tls: Server;
let tlsPort: number;
let proxy: Server;
let proxyUrl: string;
/** What the proxy was asked for: `CONNECT host:port` or `GET http://host:port/path`. */
const proxied: string[] = [];
const tlsSeen: string[] = [];
let dir: string;
let cert: string;
const open = new Set<Socket>();

beforeAll(async () => {
  api = await startFakeYcloud({ [`GET /whatsapp/businessAccounts/${WABA_ID}`]: () => ({ status: 200, body: aWaba() }) }, KEY);
  dir = mkdtempSync(join(tmpdir(), 'ycp-proxy-'));
  const pem = selfSignedCert(dir, `DNS:${HOST}`);
  cert = pem.certFile;
  tls = createHttpsServer({ key: pem.key, cert: pem.cert }, (req, res) => {
    tlsSeen.push(`${req.method} ${req.url} ${req.headers['x-api-key'] === KEY ? 'key' : 'no key'}`);
    res.writeHead(200, { 'content-type': 'application/json', 'ycloud-request-id': 'req_tls' });
    res.end(JSON.stringify(aWaba()));
  });
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
  tlsPort = (tls.address() as AddressInfo).port;

  // The proxy resolves HOST to 127.0.0.1 and refuses anything else, like a corporate proxy would.
  const target = (host: string) => (host === HOST ? '127.0.0.1' : undefined);
  proxy = createServer((req, res) => {
    // Absolute form: `GET http://ycloud.test:1234/v2/... HTTP/1.1`.
    proxied.push(`${req.method} ${req.url}`);
    const u = new URL(req.url!);
    const to = target(u.hostname);
    if (!to) return void res.writeHead(502).end();
    const up = request({ host: to, port: u.port, path: u.pathname + u.search, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode!, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  proxy.on('connect', (req, client: Socket, head) => {
    proxied.push(`CONNECT ${req.url}`);
    const [host, port] = req.url!.split(':');
    const to = target(host!);
    if (!to) return void client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    const up = connect(Number(port), to, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(client).pipe(up);
    });
    for (const s of [up, client]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => (up.destroy(), client.destroy()));
    }
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of open) s.destroy();
  await Promise.all([api.close(), new Promise((r) => tls.close(r)), new Promise((r) => proxy.close(r))]);
  rmSync(dir, { recursive: true, force: true });
});

describe('ycp behind a proxy (built binary)', () => {
  test('HTTPS_PROXY carries an https call through a CONNECT tunnel (TLS to YCloud, CA from NODE_EXTRA_CA_CERTS)', async () => {
    proxied.length = 0;
    tlsSeen.length = 0;
    const r = await runBin(['waba', 'get', WABA_ID, '--json'], {
      env: { HTTPS_PROXY: proxyUrl, YCLOUD_BASE_URL: `https://${HOST}:${tlsPort}/v2`, YCLOUD_API_KEY: KEY, NODE_EXTRA_CA_CERTS: cert },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(aWaba());
    expect(proxied).toEqual([`CONNECT ${HOST}:${tlsPort}`]);
    expect(tlsSeen).toEqual([`GET /v2/whatsapp/businessAccounts/${WABA_ID} key`]);
  });

  test('HTTP_PROXY carries an http call (lower-case http_proxy too)', async () => {
    const port = new URL(api.baseUrl).port;
    for (const name of ['HTTP_PROXY', 'http_proxy']) {
      proxied.length = 0;
      const r = await runBin(['waba', 'get', WABA_ID, '--json'], { env: { [name]: proxyUrl, YCLOUD_BASE_URL: `http://${HOST}:${port}/v2`, YCLOUD_API_KEY: KEY } });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(aWaba());
      expect(proxied.length).toBe(1);
      expect(proxied[0]).toMatch(new RegExp(`^(CONNECT ${HOST}:${port}|GET http://${HOST}:${port}/v2/whatsapp/businessAccounts/${WABA_ID})$`));
    }
  });

  test('NO_PROXY bypasses the proxy: by host, by host and port, and `*`', async () => {
    const port = new URL(api.baseUrl).port;
    for (const noProxy of ['127.0.0.1', `localhost,127.0.0.1:${port}`, '*']) {
      proxied.length = 0;
      const before = api.requests.length;
      const r = await runBin(['waba', 'get', WABA_ID, '--json'], {
        env: { HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, NO_PROXY: noProxy, YCLOUD_BASE_URL: api.baseUrl, YCLOUD_API_KEY: KEY },
      });
      expect(r.code, `${noProxy}: ${r.stderr}`).toBe(0);
      expect(proxied, noProxy).toEqual([]);
      expect(api.requests.length).toBe(before + 1);
    }
  });

  test('a NO_PROXY entry for another port does not bypass it', async () => {
    proxied.length = 0;
    const port = new URL(api.baseUrl).port;
    const r = await runBin(['waba', 'get', WABA_ID, '--json'], {
      env: { HTTP_PROXY: proxyUrl, NO_PROXY: `${HOST}:1`, YCLOUD_BASE_URL: `http://${HOST}:${port}/v2`, YCLOUD_API_KEY: KEY },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(proxied.length).toBe(1);
  });
});
