import type { IncomingMessage } from 'node:http';
import type { Body } from './check.js';
import { invalid } from './http.js';
import type { World } from './world.js';

export interface RouteCtx {
  w: World;
  req: IncomingMessage;
  url: URL;
  query: URLSearchParams;
  /** Path parameters, already percent-decoded (E.164 arrives as %2B…). */
  params: Record<string, string>;
  body(): Promise<Body | undefined>;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (c: RouteCtx) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  re: RegExp;
  names: string[];
  handler: Handler;
}

/** `route('GET', '/whatsapp/phoneNumbers/:wabaId/:phoneNumber', h)`; paths are relative to /v2. */
export function route(method: string, pattern: string, handler: Handler): Route {
  const names: string[] = [];
  const re = new RegExp(
    '^' +
      pattern.replace(/:(\w+)/g, (_m, n: string) => {
        names.push(n);
        return '([^/]+)';
      }) +
      '$',
  );
  return { method, re, names, handler };
}

export function match(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.re.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => {
      try {
        params[n] = decodeURIComponent(m[i + 1]!);
      } catch {
        throw invalid(n, `${n} is not a valid percent-encoded path segment`);
      }
    });
    return { route: r, params };
  }
  return undefined;
}
