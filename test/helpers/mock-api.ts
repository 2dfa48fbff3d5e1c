import type { Interceptable } from 'undici';
import { assertValidResponse, requestErrors } from './contract.js';

export interface Stub {
  /** Replies with a body that must match the operation's response schema (or ErrorResponse). */
  reply(status: number, body?: unknown, headers?: Record<string, string>): Stub;
  /** Replies with raw text that is deliberately not checked (malformed-JSON tests). */
  replyRaw(status: number, text: string, headers?: Record<string, string>): Stub;
  /** Fails the connection (network error tests). */
  replyWithError(err: Error): Stub;
  times(n: number): Stub;
  persist(): Stub;
}

export interface MockApi {
  on(method: string, pathAndQuery: string): Stub;
  /** Every request body received so far, parsed. */
  requests: { method: string; path: string; body: unknown; headers: Record<string, string> }[];
  assertNoViolations(): void;
}

/** Spec-checked stubs over a MockPool: every stub response and every request body is validated. */
export function createMockApi(pool: Interceptable, basePath: string): MockApi {
  const violations: string[] = [];
  const requests: MockApi['requests'] = [];
  return {
    requests,
    assertNoViolations() {
      if (violations.length) throw new Error(`contract violations:\n  ${violations.join('\n  ')}`);
    },
    on(method, pathAndQuery) {
      const [path, qs] = pathAndQuery.split('?') as [string, string | undefined];
      const query = qs ? Object.fromEntries(new URLSearchParams(qs)) : undefined;
      const full = basePath + path;
      const intercept = () => pool.intercept({ path: full, method, ...(query ? { query } : {}) });
      let scope: ReturnType<ReturnType<typeof intercept>['reply']> | undefined;
      const record = (opts: { body?: unknown; headers?: unknown }) => {
        const raw = typeof opts.body === 'string' ? opts.body : opts.body ? Buffer.from(opts.body as Uint8Array).toString() : undefined;
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          body = raw;
        }
        const headers = Object.fromEntries(Object.entries((opts.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), String(v)]));
        requests.push({ method, path: full, body, headers });
        violations.push(...requestErrors(method, path, body));
        if (!headers['x-api-key']) violations.push(`${method} ${path} sent without X-API-Key`);
      };
      const stub: Stub = {
        reply(status, body, headers = {}) {
          assertValidResponse(method, path, status, body);
          const h = { 'content-type': 'application/json', 'ycloud-request-id': `req_${Math.random().toString(36).slice(2, 12)}`, ...headers };
          scope = intercept().reply((opts) => {
            record(opts);
            return { statusCode: status, data: body === undefined ? '' : JSON.stringify(body), responseOptions: { headers: h } };
          });
          return stub;
        },
        replyRaw(status, text, headers = {}) {
          scope = intercept().reply((opts) => {
            record(opts);
            return { statusCode: status, data: text, responseOptions: { headers: { 'content-type': 'application/json', ...headers } } };
          });
          return stub;
        },
        replyWithError(err) {
          scope = intercept().replyWithError(err);
          return stub;
        },
        times(n) {
          scope?.times(n);
          return stub;
        },
        persist() {
          scope?.persist();
          return stub;
        },
      };
      return stub;
    },
  };
}
