import type { Dispatcher } from 'undici';
import type { Clock } from '../clock.js';
import { YcpError } from '../errors.js';
import { checkDigits, checkE164, checkHttpUrl } from '../validate.js';
import { DEFAULT_TIMEOUT_MS, PER_TRY_TIMEOUT_MS, settingDeadline, type Deadline } from '../deadline.js';
import { formatDuration } from '../duration.js';
import { apiErrorFrom, isNetworkError, networkError } from './errors.js';
import { collect, paginate } from './paginate.js';
import { loadHttp } from './undici.js';
import { MAX_TRIES, backoffDelay, isRetryableStatus, parseRetryAfter } from './retry.js';
import type {
  Balance, Message, MessageSendRequest, Page, PhoneNumber, Template, Waba,
  WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointUpdate,
} from './types.js';

export interface ApiOptions {
  baseUrl: string;
  apiKey: string;
  dispatcher: Dispatcher;
  clock: Clock;
  signal: AbortSignal;
  userAgent: string;
  log?: (line: string) => void;
  /** One try of one request, headers and body (PER_TRY_TIMEOUT_MS); never past the deadline. */
  timeoutMs?: number;
  /** The budget of a deadline (the `timeout` setting, DEFAULT_TIMEOUT_MS). */
  deadlineMs?: number;
  /**
   * 'operation' (default): each operation (one call, or every page of a list) gets a fresh deadline.
   * 'client': one deadline for everything this client does, from its first request: a one-shot
   * command's total deadline (ctx.api()).
   */
  deadlineScope?: 'operation' | 'client';
  /** Every operation runs under this deadline (see `within`). */
  deadline?: Deadline;
}

export type Query = Record<string, string | number | boolean | undefined>;
export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** What the call is about, for error messages ("get WABA 123"). */
  what?: string;
  /**
   * At most this many tries (GETs default to MAX_TRIES, others to 1; never more than that). A probe
   * such as `doctor` passes 1: it diagnoses, so an answer now matters more than an answer at all.
   */
  maxTries?: number;
  /** Per-try timeout for this call, overriding the client's. */
  timeoutMs?: number;
  /** The deadline of the operation this call belongs to (a list's pages share one). */
  deadline?: Deadline;
}

export interface ApiResult<T> {
  body: T;
  status: number;
  requestId?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Bodies past this are not read (ARCHITECTURE: memory stays bounded whatever a server sends). */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

const seg = (v: string) => encodeURIComponent(v); // E.164 `+` becomes %2B (CONTRACT §0)

export type YcloudApi = ReturnType<typeof buildApi> & {
  /** The same client, with every operation under `d` (a wait's --timeout, a signup phase). */
  within(d: Deadline): YcloudApi;
  /** The same client, with a fresh deadline per operation (long-running commands: listen, serve). */
  perOperation(): YcloudApi;
};

export function createYcloudApi(o: ApiOptions): YcloudApi {
  checkBaseUrl(o.baseUrl);
  return Object.assign(buildApi(o), {
    within: (d: Deadline) => createYcloudApi({ ...o, deadline: d }),
    perOperation: () => createYcloudApi({ ...o, deadline: undefined, deadlineScope: 'operation' }),
  });
}

function buildApi(o: ApiOptions) {
  const perTryMs = o.timeoutMs ?? PER_TRY_TIMEOUT_MS;
  const budgetMs = o.deadlineMs ?? DEFAULT_TIMEOUT_MS;
  let shared: Deadline | undefined;
  const fresh = () => settingDeadline(o.clock, budgetMs);
  /** The deadline of the next operation. */
  const deadline = (): Deadline => o.deadline ?? (o.deadlineScope === 'client' ? (shared ??= fresh()) : fresh());

  async function call<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResult<T>> {
    const { request } = await loadHttp();
    const url = new URL(o.baseUrl + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const display = url.pathname.replace(new URL(o.baseUrl).pathname, '') + url.search;
    const what = opts.what ?? `${method} ${display}`;
    // Register and send are never retried (CLI.md §7): 10 tries / 72 h, and a resend is a new message.
    const maxTries = Math.max(1, Math.min(opts.maxTries ?? MAX_TRIES, method === 'GET' ? MAX_TRIES : 1));
    const timeoutMs = opts.timeoutMs ?? perTryMs;
    const d = opts.deadline ?? deadline();
    const headers: Record<string, string> = {
      'x-api-key': o.apiKey,
      'user-agent': o.userAgent,
      accept: 'application/json',
    };
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const fail = { baseUrl: o.baseUrl, what, method };
    for (let attempt = 1; ; attempt++) {
      if (d.remaining() <= 0) throw outOfTime(d, fail, attempt - 1);
      const started = o.clock.now();
      const step = d.step(o.signal, timeoutMs);
      let status: number;
      let text: string;
      let resHeaders: Record<string, string | string[] | undefined>;
      try {
        const res = await request(url, { method: method as Dispatcher.HttpMethod, headers, body, dispatcher: o.dispatcher, signal: step.signal });
        status = res.statusCode;
        resHeaders = res.headers;
        text = await readCapped(res.body, header(res.headers, 'content-length'), `could not ${what}`, header(res.headers, 'ycloud-request-id'));
      } catch (err) {
        const why = step.why();
        if (o.signal.aborted || why === 'cancelled') throw new YcpError('cancelled', 'cancelled', { cause: err });
        if (err instanceof YcpError) throw err;
        const timedOut = why !== undefined || isTimeoutError(err);
        o.log?.(`${method} ${display} failed after ${o.clock.now() - started}ms: ${(err as Error).message}`);
        if (!timedOut && !isNetworkError(err)) throw err;
        if (why === 'deadline') throw outOfTime(d, fail, attempt, err);
        const delay = backoffDelay(attempt, undefined, o.clock.now());
        if (attempt < maxTries && delay < d.remaining()) {
          await o.clock.sleep(delay, o.signal);
          continue;
        }
        if (timedOut) throw noAnswer(fail, why === 'try' ? timeoutMs : o.clock.now() - started, attempt, err);
        throw networkError(err, o.baseUrl);
      } finally {
        step.done();
      }
      const requestId = header(resHeaders, 'ycloud-request-id');
      o.log?.(`${method} ${display} ${status} ${o.clock.now() - started}ms${requestId ? ` ${requestId}` : ''}`);
      if (status >= 200 && status < 300) {
        return { body: parseBody<T>(text, what, requestId), status, requestId, headers: resHeaders };
      }
      if (attempt < maxTries && isRetryableStatus(status)) {
        const retryAfter = header(resHeaders, 'retry-after');
        const delay = backoffDelay(attempt, retryAfter, o.clock.now());
        if (delay < d.remaining()) {
          o.log?.(`retrying in ${delay}ms (try ${attempt + 1} of ${maxTries})`);
          await o.clock.sleep(delay, o.signal);
          continue;
        }
        // Sleeping would outlast the deadline: fail now, saying what the server asked for.
        if (parseRetryAfter(retryAfter, o.clock.now()) !== undefined) throw retryAfterTooLong(apiErrorFrom(status, text, requestId, `could not ${what}`), retryAfter!, d);
      }
      throw apiErrorFrom(status, text, requestId, `could not ${what}`);
    }
  }

  async function req<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    return (await call<T>(method, path, opts)).body;
  }

  /** Every page of a list is one operation: they share its deadline. */
  const listPages = <T>(path: string, query: Query, what: string) => {
    const d = deadline();
    return paginate<T>((page, limit) => req<Page<T>>('GET', path, { query: { ...query, page, limit }, what, deadline: d }));
  };

  return {
    baseUrl: o.baseUrl,
    /** The budget a fresh setting-based deadline gets (the `timeout` setting). */
    deadlineMs: budgetMs,
    call,
    request: req,

    balance: () => req<Balance>('GET', '/balance', { what: 'read the account balance' }),

    listWabas: (filter: { accountReviewStatus?: string } = {}) =>
      collect(listPages<Waba>('/whatsapp/businessAccounts', { 'filter.accountReviewStatus': filter.accountReviewStatus }, 'list WABAs')),
    getWaba: (wabaId: string) =>
      req<Waba>('GET', `/whatsapp/businessAccounts/${seg(checkDigits('WABA ID', wabaId))}`, { what: `get WABA ${wabaId}` }),

    listPhoneNumbers: (filter: { wabaId?: string } = {}) =>
      collect(
        listPages<PhoneNumber>(
          '/whatsapp/phoneNumbers',
          { 'filter.wabaId': filter.wabaId === undefined ? undefined : checkDigits('WABA ID', filter.wabaId) },
          'list phone numbers',
        ),
      ),
    /** Retrieve takes the E.164 number (CONTRACT §7). */
    getPhoneNumber: (wabaId: string, e164: string) =>
      req<PhoneNumber>('GET', `/whatsapp/phoneNumbers/${seg(checkDigits('WABA ID', wabaId))}/${seg(checkE164('phone', e164))}`, {
        what: `get ${e164}`,
      }),
    /** Register takes the phone-number ID, has no body, and is never retried (CONTRACT §8). */
    registerPhoneNumber: (wabaId: string, phoneNumberId: string) =>
      req<PhoneNumber>(
        'POST',
        `/whatsapp/phoneNumbers/${seg(checkDigits('WABA ID', wabaId))}/${seg(checkDigits('phone-number ID', phoneNumberId))}/register`,
        { what: `register phone number ${phoneNumberId}` },
      ),

    sendMessage: (body: MessageSendRequest, { direct = false } = {}) =>
      req<Message>('POST', direct ? '/whatsapp/messages/sendDirectly' : '/whatsapp/messages', { body, what: `send a message to ${body.to}` }),
    getMessage: (id: string) => req<Message>('GET', `/whatsapp/messages/${seg(id)}`, { what: `get message ${id}` }),

    listTemplates: (filter: { wabaId?: string; status?: string; name?: string; language?: string } = {}) =>
      collect(
        listPages<Template>(
          '/whatsapp/templates',
          {
            'filter.wabaId': filter.wabaId === undefined ? undefined : checkDigits('WABA ID', filter.wabaId),
            'filter.status': filter.status,
            'filter.name': filter.name,
            'filter.language': filter.language,
          },
          'list templates',
        ),
      ),

    listWebhookEndpoints: () => collect(listPages<WebhookEndpoint>('/webhookEndpoints', {}, 'list webhook endpoints')),
    createWebhookEndpoint: (body: WebhookEndpointCreate) =>
      req<WebhookEndpoint>('POST', '/webhookEndpoints', { body, what: 'create a webhook endpoint' }),
    getWebhookEndpoint: (id: string) => req<WebhookEndpoint>('GET', `/webhookEndpoints/${seg(id)}`, { what: `get webhook endpoint ${id}` }),
    updateWebhookEndpoint: (id: string, body: WebhookEndpointUpdate) =>
      req<WebhookEndpoint>('PATCH', `/webhookEndpoints/${seg(id)}`, { body, what: `update webhook endpoint ${id}` }),
    deleteWebhookEndpoint: (id: string) =>
      req<WebhookEndpoint>('DELETE', `/webhookEndpoints/${seg(id)}`, { what: `delete webhook endpoint ${id}` }),
    rotateWebhookSecret: (id: string) =>
      req<WebhookEndpoint>('POST', `/webhookEndpoints/${seg(id)}/rotateSecret`, { what: `rotate the secret of webhook endpoint ${id}` }),
  };
}

/**
 * The base URL comes from --base-url, YCLOUD_BASE_URL or the profile: a typo there is the user's to
 * fix (exit 2), not a TypeError from `new URL` reported as a bug in ycp.
 */
function checkBaseUrl(baseUrl: string): void {
  try {
    checkHttpUrl('the API base URL', baseUrl);
  } catch (err) {
    throw new YcpError('usage', (err as Error).message, {
      hint: 'check --base-url, YCLOUD_BASE_URL and `ycp config get baseUrl` (the default is https://api.ycloud.com/v2)',
    });
  }
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseBody<T>(text: string, what: string, requestId: string | undefined): T {
  if (text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new YcpError('api', `could not ${what}: YCloud answered with a body that is not valid JSON`, {
      code: 'MALFORMED_RESPONSE',
      requestId,
      hint: 'try again; if it persists, quote the request id to YCloud support',
      cause: err,
    });
  }
}

/**
 * Reads a body up to MAX_RESPONSE_BYTES. Past it (declared or counted) the body is destroyed, so the
 * connection goes and memory stays bounded whatever the server sends.
 */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }, declared: string | undefined, doing: string, requestId: string | undefined): Promise<string> {
  const tooLarge = () => {
    body.destroy();
    return new YcpError('api', `${doing}: the answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB; ycp stopped reading it`, {
      code: 'RESPONSE_TOO_LARGE',
      requestId,
      hint: 'check YCLOUD_BASE_URL / --base-url: YCloud\'s answers are far smaller; a proxy or another server may be answering',
    });
  };
  if (declared !== undefined && Number(declared) > MAX_RESPONSE_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** undici's own timers (a dispatcher's headersTimeout / bodyTimeout) count as timeouts too. */
function isTimeoutError(err: unknown): boolean {
  const e = err as { name?: string; code?: string };
  return e?.name === 'TimeoutError' || e?.code === 'UND_ERR_HEADERS_TIMEOUT' || e?.code === 'UND_ERR_BODY_TIMEOUT';
}

interface FailContext {
  baseUrl: string;
  what: string;
  method: string;
}

const tries = (n: number) => (n > 1 ? ` (${n} tries)` : '');
/** A request that may have changed something (send, register) cannot be known not to have. */
const mayHaveReached = (f: FailContext) =>
  f.method === 'GET' ? '' : 'it may have reached YCloud: check before trying again (ycp never repeats it); ';

/** The deadline ran out: how long was waited, for what, and how to get more time. */
function outOfTime(d: Deadline, f: FailContext, attempts: number, cause?: unknown): YcpError {
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
function noAnswer(f: FailContext, ms: number, attempts: number, cause: unknown): YcpError {
  return new YcpError('network', `could not ${f.what}: YCloud at ${f.baseUrl} did not answer within ${formatDuration(ms)}${tries(attempts)}`, {
    hint: `${mayHaveReached(f)}try again; check YCLOUD_BASE_URL and your proxy variables`,
    cause,
  });
}

function retryAfterTooLong(e: YcpError, value: string, d: Deadline): YcpError {
  return new YcpError(e.kind, `${e.message} (YCloud asked to wait: Retry-After: ${value}, more than the ${formatDuration(d.remaining())} left)`, {
    ...e.info,
    hint: `try again later; ${d.hint}`,
  });
}
