import type { Clock } from '../clock.js';
import { YcpError, type Text } from '../errors.js';
import { msg } from '../../i18n/index.js';
import { checkDigits, checkE164, checkHttpUrl } from '../validate.js';
import { DEFAULT_TIMEOUT_MS, PER_TRY_TIMEOUT_MS, settingDeadline, type Deadline } from '../deadline.js';
import { apiErrorFrom, isNetworkError, isTimeoutError, networkError, noAnswer, outOfTime, retryAfterTooLong, type Resource } from './errors.js';
import { readCapped } from './body.js';
import { READ_CONCURRENCY, READ_RATE_PER_S, createPacer, readList, type Query } from './paginate.js';
import type { Transport } from './transport.js';
import type { Lang } from '../../i18n/index.js';
import { MAX_TRIES, backoffDelay, isRetryableStatus, parseRetryAfter } from './retry.js';
import type {
  Balance, DisplayNameUpdate, Message, MessageSendRequest, Page, PhoneNumber, PhoneProfile, PhoneProfileUpdate, Template, TemplateCreate,
  TemplateEdit, Waba, WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointUpdate,
} from './types.js';

export interface ApiOptions {
  baseUrl: string;
  apiKey: string;
  /** What carries the requests (transport.ts); everything above it (deadlines, retries, the cap) is here. */
  transport: Transport;
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
  /** The user's language, for the messages the client writes itself (a list too long to read). */
  lang?: Lang;
}

export type { Query };
export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** What the call is about, for error messages ("get WABA 123"); a catalog message where ycp makes it. */
  what?: Text;
  /** What is asked for, so that a NOT_FOUND names the command that lists such things. */
  resource?: Resource;
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

const seg = (v: string) => encodeURIComponent(v); // E.164 `+` becomes %2B (CONTRACT §0)
const templatePath = (wabaId: string, name: string, language?: string) =>
  `/whatsapp/templates/${seg(checkDigits('WABA ID', wabaId))}/${seg(name)}${language === undefined ? '' : `/${seg(language)}`}`;
const phonePath = (wabaId: string, e164: string) => `/whatsapp/phoneNumbers/${seg(checkDigits('WABA ID', wabaId))}/${seg(checkE164('phone', e164))}`;

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
    const url = new URL(o.baseUrl + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const display = url.pathname.replace(new URL(o.baseUrl).pathname, '') + url.search;
    const what = opts.what ?? msg('http.whatRequest', { method, path: display });
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
    const answer = { what, baseUrl: o.baseUrl, resource: opts.resource };
    for (let attempt = 1; ; attempt++) {
      if (d.remaining() <= 0) throw outOfTime(d, fail, attempt - 1);
      const started = o.clock.now();
      const step = d.step(o.signal, timeoutMs);
      let status: number;
      let text: string;
      let resHeaders: Record<string, string | string[] | undefined>;
      try {
        const res = await o.transport.request({ method, url, headers, body, signal: step.signal });
        status = res.status;
        resHeaders = res.headers;
        text = await readCapped(res.body, header(res.headers, 'content-length'), what, header(res.headers, 'ycloud-request-id'));
      } catch (err) {
        const why = step.why();
        if (o.signal.aborted || why === 'cancelled') throw new YcpError('cancelled', msg('cli.cancelled'), { cause: err });
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
        const now = o.clock.now();
        const asked = parseRetryAfter(retryAfter, now);
        const delay = asked ?? backoffDelay(attempt, undefined, now);
        if (delay < d.remaining()) {
          o.log?.(`retrying in ${delay}ms (try ${attempt + 1} of ${maxTries})`);
          await o.clock.sleep(delay, o.signal);
          continue;
        }
        // Sleeping would outlast the deadline: fail now, saying what the server asked for.
        if (asked !== undefined) throw retryAfterTooLong(apiErrorFrom(status, text, requestId, answer), retryAfter!, d);
      }
      throw apiErrorFrom(status, text, requestId, answer);
    }
  }

  async function req<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    return (await call<T>(method, path, opts)).body;
  }

  /**
   * A whole list is one operation: its pages share one deadline and one pace (paginate.ts). `byWaba`
   * lets a list that reaches YCloud's 10,000-item cap be read again per WABA.
   */
  const readAll = <T>(path: string, query: Query, what: Text, byWaba = false): Promise<T[]> => {
    const d = deadline();
    const pace = createPacer(o.clock, o.signal, { ratePerS: READ_RATE_PER_S, deadline: d });
    const fetch = <U>(p: string, w: Text) => (q: Query, page: number, limit: number) =>
      req<Page<U>>('GET', p, { query: { ...q, page, limit }, what: w, deadline: d });
    const wabaIds = async () =>
      (await readList<Waba>({ fetch: fetch<Waba>('/whatsapp/businessAccounts', msg('http.whatListWabas')), path: '/whatsapp/businessAccounts', query: {}, pace, lang: o.lang }))
        .map((w) => w.id)
        .filter((id): id is string => typeof id === 'string' && id !== '');
    return readList<T>({ fetch: fetch<T>(path, what), path, query, pace, lang: o.lang, concurrency: READ_CONCURRENCY, splitByWaba: byWaba ? wabaIds : undefined });
  };

  return {
    baseUrl: o.baseUrl,
    /** The budget a fresh setting-based deadline gets (the `timeout` setting). */
    deadlineMs: budgetMs,
    call,
    request: req,

    balance: () => req<Balance>('GET', '/balance', { what: msg('http.whatBalance') }),

    listWabas: (filter: { accountReviewStatus?: string } = {}) =>
      readAll<Waba>('/whatsapp/businessAccounts', { 'filter.accountReviewStatus': filter.accountReviewStatus }, msg('http.whatListWabas')),
    getWaba: (wabaId: string) =>
      req<Waba>('GET', `/whatsapp/businessAccounts/${seg(checkDigits('WABA ID', wabaId))}`, { what: msg('http.whatGetWaba', { id: wabaId }), resource: { kind: 'waba' } }),

    /** Past 10,000 numbers the list is read again per WABA (paginate.ts). */
    listPhoneNumbers: (filter: { wabaId?: string } = {}) =>
      readAll<PhoneNumber>(
        '/whatsapp/phoneNumbers',
        { 'filter.wabaId': filter.wabaId === undefined ? undefined : checkDigits('WABA ID', filter.wabaId) },
        msg('http.whatListPhones'),
        true,
      ),
    /** Retrieve takes the E.164 number (CONTRACT §7). */
    getPhoneNumber: (wabaId: string, e164: string) =>
      req<PhoneNumber>('GET', phonePath(wabaId, e164), {
        what: msg('http.whatGetPhone', { e164 }),
        resource: { kind: 'phone', wabaId },
      }),
    /** Register takes the phone-number ID, has no body, and is never retried (CONTRACT §8). */
    registerPhoneNumber: (wabaId: string, phoneNumberId: string) =>
      req<PhoneNumber>(
        'POST',
        `/whatsapp/phoneNumbers/${seg(checkDigits('WABA ID', wabaId))}/${seg(checkDigits(msg('input.phoneIdName'), phoneNumberId))}/register`,
        { what: msg('http.whatRegister', { id: phoneNumberId }), resource: { kind: 'phone', wabaId } },
      ),

    sendMessage: (body: MessageSendRequest, { direct = false } = {}) =>
      req<Message>('POST', direct ? '/whatsapp/messages/sendDirectly' : '/whatsapp/messages', { body, what: msg('http.whatSend', { to: body.to }) }),
    getMessage: (id: string) => req<Message>('GET', `/whatsapp/messages/${seg(id)}`, { what: msg('http.whatGetMessage', { id }), resource: { kind: 'message' } }),

    listTemplates: (filter: { wabaId?: string; status?: string; name?: string; language?: string } = {}) =>
      readAll<Template>(
        '/whatsapp/templates',
        {
          'filter.wabaId': filter.wabaId === undefined ? undefined : checkDigits('WABA ID', filter.wabaId),
          'filter.status': filter.status,
          'filter.name': filter.name,
          'filter.language': filter.language,
        },
        msg('http.whatListTemplates'),
        true,
      ),

    /** One template by name and language (CONTRACT §10); the path segments are encoded. */
    getTemplate: (wabaId: string, name: string, language: string) =>
      req<Template>('GET', templatePath(wabaId, name, language), { what: msg('http.whatGetTemplate', { name, language }), resource: { kind: 'template', wabaId } }),
    /** Sent once: a POST is never retried (a retry could create a second submission). */
    createTemplate: (body: TemplateCreate) =>
      req<Template>('POST', '/whatsapp/templates', { body, what: msg('http.whatCreateTemplate', { name: body.name }), resource: { kind: 'template', wabaId: body.wabaId } }),
    editTemplate: (wabaId: string, name: string, language: string, body: TemplateEdit) =>
      req<Template>('PATCH', templatePath(wabaId, name, language), { body, what: msg('http.whatEditTemplate', { name, language }), resource: { kind: 'template', wabaId } }),
    /** Without a language: every language of the name (the answer is then a list). */
    deleteTemplate: (wabaId: string, name: string, language?: string) =>
      language === undefined
        ? req<Template[]>('DELETE', templatePath(wabaId, name), { what: msg('http.whatDeleteTemplates', { name }), resource: { kind: 'template', wabaId } })
        : req<Template>('DELETE', templatePath(wabaId, name, language), { what: msg('http.whatDeleteTemplate', { name, language }), resource: { kind: 'template', wabaId } }).then((t) => [t]),

    /** Profile and display name take the E.164 number (CONTRACT §7). */
    getPhoneProfile: (wabaId: string, e164: string) =>
      req<PhoneProfile>('GET', `${phonePath(wabaId, e164)}/profile`, { what: msg('http.whatGetProfile', { e164 }), resource: { kind: 'phone', wabaId } }),
    updatePhoneProfile: (wabaId: string, e164: string, body: PhoneProfileUpdate) =>
      req<PhoneProfile>('PATCH', `${phonePath(wabaId, e164)}/profile`, { body, what: msg('http.whatUpdateProfile', { e164 }), resource: { kind: 'phone', wabaId } }),
    updateDisplayName: (wabaId: string, e164: string, newName: string) =>
      req<DisplayNameUpdate>('PATCH', `${phonePath(wabaId, e164)}/displayName`, { body: { newName }, what: msg('http.whatSetDisplayName', { e164 }), resource: { kind: 'phone', wabaId } }),

    listWebhookEndpoints: () => readAll<WebhookEndpoint>('/webhookEndpoints', {}, msg('http.whatListEndpoints')),
    createWebhookEndpoint: (body: WebhookEndpointCreate) =>
      req<WebhookEndpoint>('POST', '/webhookEndpoints', { body, what: msg('http.whatCreateEndpoint') }),
    getWebhookEndpoint: (id: string) =>
      req<WebhookEndpoint>('GET', `/webhookEndpoints/${seg(id)}`, { what: msg('http.whatGetEndpoint', { id }), resource: { kind: 'webhookEndpoint' } }),
    updateWebhookEndpoint: (id: string, body: WebhookEndpointUpdate) =>
      req<WebhookEndpoint>('PATCH', `/webhookEndpoints/${seg(id)}`, { body, what: msg('http.whatUpdateEndpoint', { id }), resource: { kind: 'webhookEndpoint' } }),
    deleteWebhookEndpoint: (id: string) =>
      req<WebhookEndpoint>('DELETE', `/webhookEndpoints/${seg(id)}`, { what: msg('http.whatDeleteEndpoint', { id }), resource: { kind: 'webhookEndpoint' } }),
    rotateWebhookSecret: (id: string) =>
      req<WebhookEndpoint>('POST', `/webhookEndpoints/${seg(id)}/rotateSecret`, { what: msg('http.whatRotateSecret', { id }), resource: { kind: 'webhookEndpoint' } }),
  };
}

/**
 * The base URL comes from --base-url, YCLOUD_BASE_URL or the profile: a typo there is the user's to
 * fix (exit 2), not a TypeError from `new URL` reported as a bug in ycp.
 */
function checkBaseUrl(baseUrl: string): void {
  try {
    checkHttpUrl(msg('input.baseUrlName'), baseUrl);
  } catch (err) {
    throw new YcpError('usage', (err as YcpError).words, { hint: msg('http.badBaseUrlHint') });
  }
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseBody<T>(text: string, what: Text, requestId: string | undefined): T {
  if (text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new YcpError('api', msg('http.notJson', { what }), { code: 'MALFORMED_RESPONSE', requestId, hint: msg('http.notJsonHint'), cause: err });
  }
}
