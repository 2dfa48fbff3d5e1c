import { YcpError, type Text } from '../errors.js';
import { printable } from '../printable.js';
import type { Deadline } from '../deadline.js';
import { formatDuration } from '../duration.js';
import { msg, type Msg } from '../../i18n/index.js';

interface YcloudErrorBody {
  status?: number;
  code?: string;
  message?: string;
  target?: string;
  requestId?: string;
  whatsappApiError?: { code?: string; message?: string };
}

/** What a request asked for: the hint of a NOT_FOUND names the command that lists that kind of thing. */
export type Resource =
  | { kind: 'waba' }
  | { kind: 'phone'; wabaId: string }
  | { kind: 'message' }
  | { kind: 'template'; wabaId?: string }
  | { kind: 'webhookEndpoint' };

export interface AnswerContext {
  /** What the request was for ("get WABA 123"): the message says it could not. */
  what: Text;
  baseUrl?: string;
  resource?: Resource;
}

/**
 * Turns a non-2xx YCloud answer into a YcpError with code, requestId and Meta's code (CONTRACT §1). The
 * server's words are made printable here, so every renderer (errors, doctor, init, listen's warnings)
 * shows them inert; a real code or request id has no control characters, so it is unchanged. They stay
 * as sent: ycp's own explanation around them is in the user's language.
 */
export function apiErrorFrom(status: number, rawBody: string, headerRequestId: string | undefined, f: AnswerContext): YcpError {
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
  const detail: Text = text(err?.message) ?? text(err?.whatsappApiError?.message) ?? msg(status >= 500 ? 'http.serverError' : 'http.status', { status });
  const target = text(err?.target);
  const info = { code, requestId, metaCode, status, hint: hintFor(status, code, f) };
  if (status === 401) return new YcpError('auth', msg('http.rejectedKey', { detail }), info);
  return new YcpError('api', target ? msg('http.failedTarget', { what: f.what, detail, target }) : msg('http.failed', { what: f.what, detail }), info);
}

/** YCloud's 403 codes that are not about the key (CONTRACT §1): each has its own way out. */
const FORBIDDEN_HINTS: Record<string, Msg['key']> = {
  WHATSAPP_TEMPLATE_UNAVAILABLE: 'http.hintTemplateUnavailable',
  WHATSAPP_TEMPLATE_UNEDITABLE: 'http.hintTemplateUneditable',
  BALANCE_INSUFFICIENT: 'http.hintBalance',
  ACCOUNT_LIMITED: 'http.hintAccountLimited',
  RECIPIENT_UNSUBSCRIBED: 'http.hintRecipient',
  RECIPIENT_IN_BLOCK_LIST: 'http.hintRecipient',
  WHATSAPP_PHONE_NUMBER_UNAVAILABLE: 'http.hintSender',
  SENDER_ID_UNAVAILABLE: 'http.hintSender',
  WHATSAPP_BUSINESS_ACCOUNT_UNAVAILABLE: 'http.hintWabaUnavailable',
  WHATSAPP_WABA_UNAVAILABLE: 'http.hintWabaUnavailable',
};

/** The way out, chosen by the status, YCloud's code and what was asked for. */
function hintFor(status: number, code: string, f: AnswerContext): Msg {
  if (status === 401) return msg('http.hint401');
  if (status === 403) return msg(FORBIDDEN_HINTS[code] ?? 'http.hint403');
  if (status === 404) return notFoundHint(f);
  if (status === 429) return msg('http.hint429');
  if (status >= 500) return msg('http.hint5xx');
  if (code.startsWith('PARAM') || status === 400) return msg('http.hintParams');
  return msg('http.hintVerbose');
}

function notFoundHint(f: AnswerContext): Msg {
  // Every YCloud path lives under /v2: without it, each request is a 404 whatever the ID.
  if (f.baseUrl && !/\/v2\/?$/.test(new URL(f.baseUrl).pathname)) return msg('http.hint404BaseUrl', { baseUrl: f.baseUrl });
  const r = f.resource;
  switch (r?.kind) {
    case 'waba':
      return msg('http.hint404Waba');
    case 'phone':
      return msg('http.hint404Phone', { wabaId: r.wabaId });
    case 'message':
      return msg('http.hint404Message');
    case 'webhookEndpoint':
      return msg('http.hint404Endpoint');
    case 'template':
      return msg('http.hint404Template', { wabaId: r.wabaId ?? 'WABA_ID' });
    default:
      return msg('http.hint404');
  }
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
  return new YcpError('network', code ? msg('http.unreachableCode', { baseUrl, code }) : msg('http.unreachable', { baseUrl }), {
    hint: msg('http.unreachableHint'),
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
  what: Text;
  method: string;
}

/** A request that may have changed something (send, register) cannot be known not to have. */
const sent = (f: FailContext) => f.method !== 'GET';

/** The deadline ran out: how long was waited, for what, and how to get more time. */
export function outOfTime(d: Deadline, f: FailContext, attempts: number, cause?: unknown): YcpError {
  const budget = formatDuration(d.budgetMs);
  const message = attempts
    ? msg(attempts > 1 ? 'http.noAnswerTries' : 'http.noAnswer', { what: f.what, baseUrl: f.baseUrl, budget, n: attempts })
    : msg('http.noTimeLeft', { what: f.what, elapsed: formatDuration(d.elapsed()), budget });
  return new YcpError('network', message, {
    code: 'DEADLINE_EXCEEDED',
    hint: msg(attempts && sent(f) ? 'http.checkProxySent' : 'http.checkProxy', { deadline: d.hint }),
    cause,
  });
}

/** One try ran past its own cap (PER_TRY_TIMEOUT_MS) and no further try fits. */
export function noAnswer(f: FailContext, ms: number, attempts: number, cause: unknown): YcpError {
  return new YcpError('network', msg(attempts > 1 ? 'http.noAnswerTries' : 'http.noAnswer', { what: f.what, baseUrl: f.baseUrl, budget: formatDuration(ms), n: attempts }), {
    hint: msg(sent(f) ? 'http.tryAgainSent' : 'http.tryAgain'),
    cause,
  });
}

export function retryAfterTooLong(e: YcpError, value: string, d: Deadline): YcpError {
  return new YcpError(e.kind, msg('http.retryAfter', { message: e.words, value, left: formatDuration(d.remaining()) }), {
    ...e.info,
    hint: msg('http.retryAfterHint', { deadline: d.hint }),
  });
}
