// Shared by the listener, load and command tests: signed POSTs over real loopback sockets.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { signatureHeader } from '../../src/core/webhook/signature.js';

export const SECRET = 'whsec_test_listener_0123456789abcdef';

export function anEvent(id: string, type = 'whatsapp.message.updated', extra: Record<string, unknown> = {}) {
  return { id, type, apiVersion: 'v2', createTime: '2026-11-26T12:00:00.000Z', ...extra };
}

export interface PostResult {
  status: number;
  body: string;
}

export async function postSigned(
  url: string,
  body: string | Buffer,
  o: { secret?: string; t?: number; header?: string; dispatcher?: Agent; headers?: Record<string, string> } = {},
): Promise<PostResult> {
  const t = o.t ?? Math.floor(Date.now() / 1000);
  const res = await request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'ycloud-signature': o.header ?? signatureHeader(o.secret ?? SECRET, t, body),
      'x-webhook-endpoint-id': 'wh_test',
      ...o.headers,
    },
    body,
    dispatcher: o.dispatcher,
  });
  return { status: res.statusCode, body: await res.body.text() };
}

/** A status, a status with a body, or 'silent': no answer ever (the caller's own deadline is under test). */
export type FakeAnswer = number | { status: number; body?: string } | 'silent';

export interface FakeApp {
  url: string;
  received: { headers: IncomingMessage['headers']; body: Buffer }[];
  /** Decides the answer per request (default 200); may delay. */
  handler: (n: number, body: Buffer, headers: IncomingMessage['headers']) => FakeAnswer | Promise<FakeAnswer>;
  close(): Promise<void>;
}

/** A local app (behind --forward-to, or a partner's backend): records what it gets and answers what `handler` says. */
export async function startFakeApp(handler: FakeApp['handler'] = () => 200): Promise<FakeApp> {
  const app: FakeApp = { url: '', received: [], handler, close: async () => {} };
  let n = 0;
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    app.received.push({ headers: req.headers, body });
    const a = await app.handler(++n, body, req.headers);
    if (a === 'silent') return;
    const { status, body: text } = typeof a === 'number' ? { status: a, body: undefined } : a;
    if (!res.destroyed) res.writeHead(status).end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  app.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  app.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return app;
}
