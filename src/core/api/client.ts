import type { Dispatcher } from 'undici';
import type { Clock } from '../clock.js';
import { YcpError, isAbortError } from '../errors.js';
import { checkDigits, checkE164, checkHttpUrl } from '../validate.js';
import { apiErrorFrom, isNetworkError, networkError } from './errors.js';
import { collect, paginate } from './paginate.js';
import { loadHttp } from './undici.js';
import { MAX_TRIES, backoffDelay, isRetryableStatus } from './retry.js';
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
  /** Whole request, headers and body, per try. */
  timeoutMs?: number;
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
}

export interface ApiResult<T> {
  body: T;
  status: number;
  requestId?: string;
  headers: Record<string, string | string[] | undefined>;
}

const seg = (v: string) => encodeURIComponent(v); // E.164 `+` becomes %2B (CONTRACT §0)

export function createYcloudApi(o: ApiOptions) {
  checkBaseUrl(o.baseUrl);
  const clientTimeoutMs = o.timeoutMs ?? 30_000;

  async function call<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResult<T>> {
    const { request } = await loadHttp();
    const url = new URL(o.baseUrl + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const display = url.pathname.replace(new URL(o.baseUrl).pathname, '') + url.search;
    const what = opts.what ?? `${method} ${display}`;
    // Register and send are never retried (CLI.md §7): 10 tries / 72 h, and a resend is a new message.
    const maxTries = Math.max(1, Math.min(opts.maxTries ?? MAX_TRIES, method === 'GET' ? MAX_TRIES : 1));
    const timeoutMs = opts.timeoutMs ?? clientTimeoutMs;
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
    for (let attempt = 1; ; attempt++) {
      const started = o.clock.now();
      const signal = AbortSignal.any([o.signal, AbortSignal.timeout(timeoutMs)]);
      let status: number;
      let text: string;
      let resHeaders: Record<string, string | string[] | undefined>;
      try {
        const res = await request(url, { method: method as Dispatcher.HttpMethod, headers, body, dispatcher: o.dispatcher, signal });
        status = res.statusCode;
        resHeaders = res.headers;
        text = await res.body.text();
      } catch (err) {
        if (o.signal.aborted) throw new YcpError('cancelled', 'cancelled', { cause: err });
        const timedOut = isAbortError(err) || (err as { name?: string }).name === 'TimeoutError';
        o.log?.(`${method} ${display} failed after ${o.clock.now() - started}ms: ${(err as Error).message}`);
        if (!timedOut && !isNetworkError(err)) throw err;
        if (attempt < maxTries) {
          await o.clock.sleep(backoffDelay(attempt, undefined, o.clock.now()), o.signal);
          continue;
        }
        if (timedOut) {
          throw new YcpError('network', `YCloud at ${o.baseUrl} did not answer within ${timeoutMs / 1000}s`, {
            hint: 'try again; check YCLOUD_BASE_URL and your proxy variables',
            cause: err,
          });
        }
        throw networkError(err, o.baseUrl);
      }
      const requestId = header(resHeaders, 'ycloud-request-id');
      o.log?.(`${method} ${display} ${status} ${o.clock.now() - started}ms${requestId ? ` ${requestId}` : ''}`);
      if (status >= 200 && status < 300) {
        return { body: parseBody<T>(text, what, requestId), status, requestId, headers: resHeaders };
      }
      if (attempt < maxTries && isRetryableStatus(status)) {
        const delay = backoffDelay(attempt, header(resHeaders, 'retry-after'), o.clock.now());
        o.log?.(`retrying in ${delay}ms (try ${attempt + 1} of ${maxTries})`);
        await o.clock.sleep(delay, o.signal);
        continue;
      }
      throw apiErrorFrom(status, text, requestId, `could not ${what}`);
    }
  }

  async function req<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    return (await call<T>(method, path, opts)).body;
  }

  const listPages = <T>(path: string, query: Query, what: string) =>
    paginate<T>((page, limit) => req<Page<T>>('GET', path, { query: { ...query, page, limit }, what }));

  return {
    baseUrl: o.baseUrl,
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

export type YcloudApi = ReturnType<typeof createYcloudApi>;

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
