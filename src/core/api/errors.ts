import { YcpError } from '../errors.js';
import { printable } from '../printable.js';
import type { Deadline } from '../deadline.js';
import { formatDuration } from '../duration.js';

interface YcloudErrorBody {
  status?: number;
  code?: string;
  message?: string;
  target?: string;
  requestId?: string;
  whatsappApiError?: { code?: string; message?: string };
}

/**
 * Turns a non-2xx YCloud answer into a YcpError with code, requestId and Meta's code (CONTRACT §1). The
 * server's words are made printable here, so every renderer (errors, doctor, init, listen's warnings)
 * shows them inert; a real code or request id has no control characters, so it is unchanged.
 */
export function apiErrorFrom(status: number, rawBody: string, headerRequestId: string | undefined, what: string): YcpError {
  let err: YcloudErrorBody | undefined;
  try {
    const parsed = JSON.parse(rawBody) as { error?: YcloudErrorBody };
    if (parsed && typeof parsed === 'object' && parsed.error && typeof parsed.error === 'object') err = parsed.error;
  } catch {
    // not JSON: keep the HTTP status as the only fact
  }
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? printable(String(v)) : undefined);
  const code = text(err?.code) ?? `HTTP_${status}`;
  const requestId = text(err?.requestId) ?? (headerRequestId === undefined ? undefined : printable(headerRequestId));
  const metaCode = text(err?.whatsappApiError?.code);
  const detail = text(err?.message) ?? text(err?.whatsappApiError?.message) ?? httpText(status);
  const target = text(err?.target) ? ` (${text(err!.target)})` : '';
  const info = { code, requestId, metaCode, status, hint: hintFor(status, code) };
  if (status === 401) return new YcpError('auth', `YCloud rejected the API key: ${detail}`, info);
  return new YcpError('api', `${what}: ${detail}${target}`, info);
}

function hintFor(status: number, code: string): string {
  if (status === 401) return 'check the key with `ycp auth status`; store a new one with `ycp login` or set YCLOUD_API_KEY';
  if (status === 403) return 'this key may lack access to that account; check it in the YCloud console (Developers > API keys)';
  if (status === 404) return 'check the ID; `ycp waba list` and `ycp phone list` show what this key can see';
  if (status === 429) return 'rate limited by YCloud; wait a little and try again';
  if (status >= 500) return 'YCloud had a problem; try again later and quote the request id to YCloud support';
  if (code.startsWith('PARAM') || status === 400) return 'check the values you passed; `--verbose` shows the request';
  return 'run again with --verbose to see the request';
}

function httpText(status: number): string {
  return status >= 500 ? `server error (HTTP ${status})` : `HTTP ${status}`;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN',
]);

export function isNetworkError(err: unknown): boolean {
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let i = 0; e && i < 4; i++) {
    if (e.code && NETWORK_CODES.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

export function networkError(err: unknown, baseUrl: string): YcpError {
  let e = err as { code?: string; message?: string; cause?: unknown } | undefined;
  let code: string | undefined;
  for (let i = 0; e && i < 4 && !code; i++, e = e.cause as typeof e) if (e.code) code = e.code;
  return new YcpError('network', `could not reach YCloud at ${baseUrl}${code ? ` (${code})` : ''}`, {
    hint: 'check your connection, YCLOUD_BASE_URL / --base-url, and the proxy variables (HTTPS_PROXY, NO_PROXY)',
    cause: err,
  });
}

/** undici's own timers (a dispatcher's headersTimeout / bodyTimeout) count as timeouts too. */
export function isTimeoutError(err: unknown): boolean {
  const e = err as { name?: string; code?: string };
  return e?.name === 'TimeoutError' || e?.code === 'UND_ERR_HEADERS_TIMEOUT' || e?.code === 'UND_ERR_BODY_TIMEOUT';
}

export interface FailContext {
  baseUrl: string;
  what: string;
  method: string;
}

const tries = (n: number) => (n > 1 ? ` (${n} tries)` : '');
/** A request that may have changed something (send, register) cannot be known not to have. */
const mayHaveReached = (f: FailContext) =>
  f.method === 'GET' ? '' : 'it may have reached YCloud: check before trying again (ycp never repeats it); ';

/** The deadline ran out: how long was waited, for what, and how to get more time. */
export function outOfTime(d: Deadline, f: FailContext, attempts: number, cause?: unknown): YcpError {
  const message = attempts
    ? `could not ${f.what}: YCloud at ${f.baseUrl} did not answer within ${formatDuration(d.budgetMs)}${tries(attempts)}`
    : `could not ${f.what}: no time left (${formatDuration(d.elapsed())} of ${formatDuration(d.budgetMs)} used)`;
  return new YcpError('network', message, {
    code: 'DEADLINE_EXCEEDED',
    hint: `${attempts ? mayHaveReached(f) : ''}${d.hint}; check YCLOUD_BASE_URL and your proxy variables`,
    cause,
  });
}

/** One try ran past its own cap (PER_TRY_TIMEOUT_MS) and no further try fits. */
export function noAnswer(f: FailContext, ms: number, attempts: number, cause: unknown): YcpError {
  return new YcpError('network', `could not ${f.what}: YCloud at ${f.baseUrl} did not answer within ${formatDuration(ms)}${tries(attempts)}`, {
    hint: `${mayHaveReached(f)}try again; check YCLOUD_BASE_URL and your proxy variables`,
    cause,
  });
}

export function retryAfterTooLong(e: YcpError, value: string, d: Deadline): YcpError {
  return new YcpError(e.kind, `${e.message} (YCloud asked to wait: Retry-After: ${value}, more than the ${formatDuration(d.remaining())} left)`, {
    ...e.info,
    hint: `try again later; ${d.hint}`,
  });
}
