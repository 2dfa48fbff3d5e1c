// A tiny YCloud stand-in on a real port for e2e runs of the built binary. Every answer it gives is
// checked against the spec first, so it cannot drift into made-up shapes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertValidResponse } from './contract.js';

export type Handler = (req: IncomingMessage & { body: string }, url: URL) => { status: number; body?: unknown; headers?: Record<string, string> } | 'drop';

export interface FakeYcloud {
  baseUrl: string;
  requests: { method: string; path: string; apiKey?: string }[];
  close(): Promise<void>;
}

export async function startFakeYcloud(routes: Record<string, Handler | Handler[]>, apiKey: string): Promise<FakeYcloud> {
  const requests: FakeYcloud['requests'] = [];
  const counters = new Map<string, number>();
  const server = createServer(async (req, res: ServerResponse) => {
    let body = '';
    for await (const c of req) body += c;
    const url = new URL(req.url!, 'http://x');
    const path = decodeURIComponent(url.pathname).replace(/^\/v2/, '');
    requests.push({ method: req.method!, path: path + url.search, apiKey: req.headers['x-api-key'] as string | undefined });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'ycloud-request-id': `req_e2e${requests.length}`, ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    if (req.headers['x-api-key'] !== apiKey) {
      return send(401, { error: { status: 401, code: 'UNAUTHORIZED', message: 'Invalid API key' } });
    }
    const key = `${req.method} ${path}`;
    const route = routes[key];
    if (!route) return send(404, { error: { status: 404, code: 'NOT_FOUND', message: `no route ${key}` } });
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    const handler = Array.isArray(route) ? route[Math.min(n, route.length - 1)]! : route;
    const out = handler(Object.assign(req, { body }), url);
    if (out === 'drop') return req.socket.destroy();
    assertValidResponse(req.method!, path, out.status, out.body);
    send(out.status, out.body, out.headers);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
