// `ycp api <path>`: turning the flags into one request and checking it against the contract before
// anything is sent. Fields follow `gh api`: -f key=value is a string, -F key=value is typed (true, false,
// null, numbers, @file / @- for a file's or stdin's text), `key[sub]=v` nests and `key[]=v` appends. The
// fields are the JSON body, or the query of a GET. The path and method must be an operation of the
// contract's table: a typo is a usage error with the nearest path template, never a 404 round trip.
import { readFile } from 'node:fs/promises';
import { YcpError, usageError } from '../errors.js';
import { t, type Lang } from '../../i18n/index.js';
import { CURSOR_PAGED, OPERATIONS, matchOperation, type Operation, type SchemaName } from './contract/index.js';
import { validateAgainst } from './contract/validate.js';
import { describeIssues } from './schema-issues.js';
import type { Query } from './paginate.js';
import { editDistance } from '../edit-distance.js';

export interface RawInput {
  path: string;
  method?: string;
  /** -f key=value */
  fields: string[];
  /** -F key=typed */
  typed: string[];
  /** -q key=value */
  query: string[];
  /** --input FILE, or '-' for stdin */
  input?: string;
  paginate?: boolean;
}

export interface RawRequest {
  method: string;
  /** Relative to the base URL, each segment percent-encoded (E.164 `+` as %2B). */
  path: string;
  query: Query;
  body?: unknown;
  op: Operation;
  /** How --paginate walks it, when asked to. */
  paging?: 'page' | 'cursor';
  /** A one-line note for stderr: the contract has no schema for this operation. */
  note?: string;
}

export interface RawDeps {
  lang: Lang;
  /** The text of stdin (for `--input -` and `-F key=@-`). */
  stdin(): Promise<string>;
  baseUrl: string;
}

const METHODS = ['GET', 'POST', 'PATCH', 'DELETE'] as const;

export async function prepareRawRequest(i: RawInput, d: RawDeps): Promise<RawRequest> {
  const l = d.lang;
  const { path, query: pathQuery } = splitPath(i.path, d);
  const fields: Record<string, unknown> = {};
  for (const f of i.fields) assign(fields, ...keyValue('-f', f, l));
  for (const f of i.typed) {
    const [k, raw] = keyValue('-F', f, l);
    assign(fields, k, await typedValue(raw, d));
  }
  const hasFields = Object.keys(fields).length > 0;
  let body: unknown;
  if (i.input !== undefined) {
    const text = i.input === '-' ? await d.stdin() : await readText(i.input, l);
    try {
      body = JSON.parse(text);
    } catch (err) {
      throw usageError(t(l, 'api.inputJson', { reason: (err as Error).message }));
    }
  }
  const method = (i.method ?? (i.input !== undefined || hasFields ? 'POST' : 'GET')).toUpperCase();
  if (!(METHODS as readonly string[]).includes(method)) throw usageError(t(l, 'api.badMethod', { method, methods: METHODS.join(', ') }));
  const query: Query = { ...pathQuery };
  for (const q of i.query) {
    const [k, v] = keyValue('-q', q, l);
    query[k] = v;
  }
  // gh api: fields are the query of a GET, and of any request whose body comes from --input.
  if (method === 'GET' || i.input !== undefined) {
    for (const [k, v] of Object.entries(fields)) {
      if (v !== null && typeof v === 'object') throw usageError(t(l, 'api.queryNested', { key: k }));
      query[k] = v === null ? '' : (v as string | number | boolean);
    }
  } else if (hasFields) body = fields;

  const op = findOperation(method, path, l);
  checkBody(op, body, l);
  const note = op.response === null || (op.request === null && body !== undefined) ? t(l, 'api.noSchema', { method, template: op.path, operationId: op.operationId }) : undefined;
  const paging = CURSOR_PAGED.has(op.operationId) ? 'cursor' : op.method === 'GET' && /Page$/.test(op.response ?? '') ? 'page' : undefined;
  if (i.paginate && !paging) throw usageError(t(l, 'api.paginateList', { method, template: op.path }));
  return { method, path, query, body, op, paging, note };
}

/** `/whatsapp/templates?filter.wabaId=1` → the encoded path and its query; a full URL is refused. */
function splitPath(raw: string, d: RawDeps): { path: string; query: Query } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw usageError(t(d.lang, 'api.fullUrl', { base: d.baseUrl }));
  const [p = '', qs] = raw.split(/\?(.*)/s, 2);
  let path = p.startsWith('/') ? p : `/${p}`;
  // The base URL already ends in /v2: `ycp api /v2/balance` means /balance.
  if (/^\/v2(\/|$)/.test(path) && /\/v2\/?$/.test(d.baseUrl)) path = path.slice(3) || '/';
  path = path.replace(/\/+$/, '') || '/';
  const segments = path.split('/').map((s) => {
    try {
      return encodeURIComponent(decodeURIComponent(s));
    } catch {
      throw usageError(t(d.lang, 'api.badSegment', { segment: s }));
    }
  });
  const query: Query = {};
  for (const [k, v] of new URLSearchParams(qs ?? '')) query[k] = v;
  return { path: segments.join('/'), query };
}

/** The operation of `method path`, or a usage error: the methods the path takes, or the nearest path. */
export function findOperation(method: string, path: string, lang: Lang): Operation {
  const op = matchOperation(method, path);
  if (op) return op;
  const methods = METHODS.filter((m) => matchOperation(m, path));
  if (methods.length) throw usageError(t(lang, 'api.wrongMethod', { path, method, methods: methods.join(', ') }), t(lang, 'api.wrongMethodHint', { methods: methods.join(', ') }));
  const near = nearestTemplate(path);
  throw new YcpError('usage', t(lang, 'api.unknownPath', { method, path }), {
    hint: near ? t(lang, 'api.didYouMean', { methods: near.methods.join(', '), template: near.template }) : t(lang, 'api.seeCompletion'),
    details: near,
  });
}

/** The path template closest to `path` by edit distance, its `{params}` filled with the path's own segments. */
export function nearestTemplate(path: string): { template: string; methods: string[]; distance: number } | undefined {
  const segs = path.split('/');
  let best: { template: string; distance: number } | undefined;
  for (const template of new Set(OPERATIONS.map((o) => o.path))) {
    const filled = template.split('/').map((s, i) => (s.startsWith('{') && segs[i] !== undefined && segs[i] !== '' ? segs[i] : s)).join('/');
    const distance = editDistance(path.toLowerCase(), filled.toLowerCase());
    if (!best || distance < best.distance) best = { template, distance };
  }
  // Past half the length it is not a typo of that path any more.
  if (!best || best.distance > Math.max(3, Math.floor(path.length / 2))) return undefined;
  return { ...best, methods: OPERATIONS.filter((o) => o.path === best!.template).map((o) => o.method) };
}

function checkBody(op: Operation, body: unknown, lang: Lang): void {
  if (body === undefined) return;
  if (op.request === 'none') throw usageError(t(lang, 'api.noBody', { method: op.method, template: op.path }));
  if (op.request === null) return; // sent as it is, with the note
  const issues = validateAgainst(op.request as SchemaName, body);
  if (issues.length) {
    throw new YcpError('usage', t(lang, 'api.badBody', { method: op.method, template: op.path, schema: op.request, issues: describeIssues(lang, issues).join('; ') }), {
      hint: t(lang, 'api.badBodyHint'),
      details: { schema: op.request, issues },
    });
  }
}

function keyValue(flag: string, s: string, lang: Lang): [string, string] {
  const i = s.indexOf('=');
  if (i <= 0) throw usageError(t(lang, 'api.keyValue', { flag, value: s.length > 40 ? `${s.slice(0, 37)}...` : s }));
  return [s.slice(0, i), s.slice(i + 1)];
}

async function typedValue(raw: string, d: RawDeps): Promise<unknown> {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
  if (raw.startsWith('@')) return raw === '@-' ? (await d.stdin()).replace(/\r?\n$/, '') : (await readText(raw.slice(1), d.lang)).replace(/\r?\n$/, '');
  return raw;
}

async function readText(file: string, lang: Lang): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw usageError(t(lang, 'api.readFile', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
}

/** `a[b][]=v`: nested objects by `[key]`, arrays by `[]` (gh api's rule). Dots stay in the key: `filter.wabaId`. */
function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  const parts = m ? [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1]!)] : [key];
  let cur: Record<string, unknown> | unknown[] = target;
  parts.forEach((p, i) => {
    const last = i === parts.length - 1;
    const nextIsArray = parts[i + 1] === '';
    if (Array.isArray(cur)) {
      if (last) cur.push(value);
      else {
        const child = nextIsArray ? [] : {};
        cur.push(child);
        cur = child;
      }
      return;
    }
    if (last) cur[p] = value;
    else {
      const existing = cur[p];
      const child = existing !== null && typeof existing === 'object' ? existing : nextIsArray ? [] : {};
      cur[p] = child;
      cur = child as Record<string, unknown> | unknown[];
    }
  });
}
