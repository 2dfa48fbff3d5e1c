// Shared by the sandbox tests: start a sandbox on 127.0.0.1:0 and call it, checking every answer
// against the spec and the YCloud-Request-ID header.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { expect } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/core/sandbox/index.js';
import { startWebhookListener, type Rejection, type WebhookEvent } from '../../src/core/webhook/listener.js';
import { eventCollector } from '../../src/core/webhook/collect.js';
import { assertValidResponse, schemaErrors } from './contract.js';

export interface Answer {
  status: number;
  body: any;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

const open: Sandbox[] = [];

export async function sandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  const sb = await startSandbox({ port: 0, ...o });
  open.push(sb);
  return sb;
}

export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((s) => s.close()));
}

/** A raw call; `key: null` sends no X-API-Key. Every /v2 answer is validated against the spec. */
export async function call(sb: Sandbox, method: string, path: string, o: { body?: unknown; key?: string | null; raw?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const key = o.key === undefined ? sb.apiKey : o.key;
  if (key !== null) headers['x-api-key'] = key;
  let body: string | undefined = o.raw;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers['content-type'] = 'application/json';
  }
  const res = await request(sb.origin + path, { method: method as 'GET', headers, body });
  const text = await res.body.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const rid = res.headers['ycloud-request-id'];
  expect(rid, `YCloud-Request-ID on ${method} ${path}`).toMatch(/^req_[A-Za-z0-9]{19}$/);
  if (path.startsWith('/v2/')) validate(method, path, res.statusCode, parsed);
  if (res.statusCode >= 400 && parsed) expect((parsed as { error: { requestId: string } }).error.requestId).toBe(rid);
  return { status: res.statusCode, body: parsed, text, headers: res.headers };
}

/**
 * A control route of the sandbox (`/_sandbox…`, no key); throws on a non-2xx answer. Takes anything with
 * an origin, so a sandbox run as a child process (its JSON line) works as well as one in process.
 */
export async function control<T = unknown>(sb: Pick<Sandbox, 'origin'>, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sb.origin}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} /_sandbox${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every body the sandbox produces matches the spec: the operation's schema, or ErrorResponse. */
export function validate(method: string, path: string, status: number, body: unknown): void {
  if (status >= 400) {
    expect(schemaErrors('ErrorResponse', body), `error body of ${method} ${path}`).toEqual([]);
    expect((body as { error: { status: number } }).error.status).toBe(status);
    return;
  }
  assertValidResponse(method, path, status, body);
}

export async function expectError(p: Promise<Answer>, status: number, code: string, target?: string): Promise<Answer> {
  const a = await p;
  expect({ status: a.status, code: a.body?.error?.code }).toEqual({ status, code });
  if (target !== undefined) expect(a.body.error.target).toBe(target);
  return a;
}

/** A clock a test moves by hand; pass `now: clock.now` and call `sb.tick()` after moving it. */
export function manualClock(start = Date.parse('2026-11-26T12:00:00.000Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/**
 * What the sandbox delivers to, for the webhook tests: the real `webhook listen` listener
 * (startWebhookListener) forwarding to a tiny app. `failNext(n)` makes the app fail, so the listener
 * passes the failure back and the sandbox retries, as YCloud does with `listen --forward-to`.
 * `events` holds the events the app accepted, once each; `rejected` what the listener refused.
 */
export interface Receiver {
  url: string;
  events: WebhookEvent[];
  rejected: Rejection[];
  setSecrets(secrets: string[]): void;
  failNext(n: number, status?: number): void;
  waitFor(pred: (e: WebhookEvent) => boolean, timeoutMs: number): Promise<WebhookEvent>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let secrets: string[] = [];
  let failing = 0;
  let failStatus = 500;
  const app = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (failing > 0) {
        failing--;
        return void res.writeHead(failStatus).end();
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  const accepted = eventCollector();
  const verified = new Map<string, WebhookEvent>();
  const rejected: Rejection[] = [];
  const listener = await startWebhookListener({
    secrets: () => secrets,
    forwardTo: `http://127.0.0.1:${(app.address() as AddressInfo).port}/app`,
    onEvent: (e) => verified.set(e.id, e),
    onForward: (r) => {
      if (r.status >= 200 && r.status < 300 && verified.has(r.id)) accepted.add(verified.get(r.id)!);
    },
    onReject: (r) => rejected.push(r),
  });
  return {
    url: `${listener.url}/webhook`,
    events: accepted.events,
    rejected,
    setSecrets: (s) => void (secrets = s),
    failNext(n, status = 500) {
      failing = n;
      failStatus = status;
    },
    waitFor: (pred, timeoutMs) => accepted.waitFor(pred, { timeoutMs }),
    async close() {
      await listener.close();
      await new Promise<void>((r) => (app.closeAllConnections(), app.close(() => r())));
    },
  };
}
