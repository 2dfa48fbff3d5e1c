// Request/response plumbing in YCloud's shapes: every error is `{error:{status,code,message,target?,requestId}}`
// (CONTRACT §1) and every response carries `YCloud-Request-ID`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBodyCapped } from '../local-http.js';

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { target?: string; whatsappApiError?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const invalid = (target: string, message: string) => new SandboxError(400, 'PARAM_INVALID', message, { target });
export const missing = (target: string) => new SandboxError(400, 'PARAM_MISSING', `${target} is required`, { target });
export const notFound = (what: string) => new SandboxError(404, 'NOT_FOUND', `${what} does not exist`);

export function errorBody(err: SandboxError, requestId: string) {
  const { target, whatsappApiError } = err.extra;
  return {
    error: {
      status: err.status,
      code: err.code,
      message: err.message,
      ...(target ? { target } : {}),
      ...(whatsappApiError ? { whatsappApiError } : {}),
      requestId,
    },
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(text ? { 'content-type': 'application/json' } : {}),
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: SandboxError, requestId: string): void {
  sendJson(res, err.status, errorBody(err, requestId), err.extra.headers);
}

const MAX_BODY = 1024 * 1024;

/** The raw body, capped at 1 MiB (413 CONTENT_TOO_LARGE past it). */
export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const body = await readBodyCapped(req, MAX_BODY);
  if (body.over) throw new SandboxError(413, 'CONTENT_TOO_LARGE', 'the request body is larger than 1 MiB');
  return body.raw;
}

/** A JSON object body; an empty body is `undefined` so each route decides whether it needs one. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const raw = await readRaw(req);
  if (raw.length === 0 || raw.toString('utf8').trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new SandboxError(400, 'BAD_REQUEST', 'the request body is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SandboxError(400, 'BAD_REQUEST', 'the request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export interface PageParams {
  page: number;
  limit: number;
  includeTotal: boolean;
}

function intParam(q: URLSearchParams, name: string, def: number, max: number): number {
  const raw = q.get(name);
  if (raw === null) return def;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw invalid(name, `${name} must be an integer between 1 and ${max}, got "${raw.slice(0, 20)}"`);
  }
  return Number(raw);
}

/** CONTRACT §3: page 1..100 (default 1), limit 1..100 (default 10), includeTotal true|false. */
export function pageParams(q: URLSearchParams): PageParams {
  const page = intParam(q, 'page', 1, 100);
  const limit = intParam(q, 'limit', 10, 100);
  const t = q.get('includeTotal');
  if (t !== null && t !== 'true' && t !== 'false') throw invalid('includeTotal', `includeTotal must be true or false, got "${t.slice(0, 20)}"`);
  return { page, limit, includeTotal: t === 'true' };
}

/** One page of `all`; `offset` (default: the page's) lets the cursor-paged list start after its cursor. */
export function pageOf<T>(all: T[], p: PageParams, offset = (p.page - 1) * p.limit) {
  const items = all.slice(offset, offset + p.limit);
  return { offset, limit: p.limit, length: items.length, ...(p.includeTotal ? { total: all.length } : {}), items };
}
