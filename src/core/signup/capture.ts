// What the page posts after Embedded Signup (docs/signup.md "The result the page posts"): the session
// event's name and IDs, as a YCloud partner's backend needs them, plus `state` when the target is
// `signup serve`'s own callback. The OAuth `code` rides along only on a page scaffolded with
// --include-code; it is a short-lived secret (Meta: a time-to-live of 30 seconds) that stays in memory,
// never in a log or file.
import { isDigits } from '../validate.js';
import { t, type Lang } from '../../i18n/index.js';

export type SignupEventName = 'FINISH' | 'FINISH_ONLY_WABA' | 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING' | 'CANCEL' | 'ERROR' | (string & {});

/** Meta's v4 asset arrays (Implementation page), each present only when the customer picked such assets. */
export const ASSET_ARRAYS = ['ad_account_ids', 'page_ids', 'dataset_ids', 'catalog_ids', 'instagram_account_ids', 'waba_ids'] as const;
export type AssetArray = (typeof ASSET_ARRAYS)[number];

export interface CapturedSignup {
  event: SignupEventName;
  wabaId?: string;
  phoneNumberId?: string;
  businessId?: string;
  assets?: Partial<Record<AssetArray, string[]>>;
  /** Secret. Only `hasCode` is ever shown or saved. */
  code?: string;
  currentStep?: string;
  errorMessage?: string;
  /** Meta's current key is `error_code`; `error_id` is what older pages and docs used. */
  errorCode?: string;
  sessionId?: string;
  timestamp?: string;
  receivedAt: number;
  /** The body as the page posted it, without `state`: what `--forward-to` sends on. Holds the code when there is one. */
  body: Record<string, unknown>;
}

export class CallbackError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const isFinish = (event: string) => event.startsWith('FINISH');
/** CANCEL and ERROR, and the CANCEL_* / ERROR_* variants seen from coexistence flows. */
export const isCancelOrError = (event: string) => /^(CANCEL|ERROR)(_|$)/.test(event);

const EVENT_RE = /^[A-Z][A-Z0-9_]{0,63}$/;
const TEXT_MAX = 500;
const ARRAY_MAX = 100;

/** Validates a parsed callback body (the state token was checked before). Throws CallbackError(400). */
export function parseCallbackBody(body: unknown, now: number): CapturedSignup {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new CallbackError(400, 'body must be a JSON object');
  const { state: _state, ...b } = body as Record<string, unknown>;
  const event = b.event;
  if (typeof event !== 'string' || !EVENT_RE.test(event)) throw new CallbackError(400, 'event must be an Embedded Signup event name');
  const id = (name: string): string | undefined => {
    const v = b[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string' || !isDigits(v)) throw new CallbackError(400, `${name} must be a string of digits`);
    return v;
  };
  const text = (name: string): string | undefined => {
    const v = b[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') throw new CallbackError(400, `${name} must be a string`);
    return String(v).slice(0, TEXT_MAX);
  };
  const out: CapturedSignup = { event, receivedAt: now, body: forwardable(b) };
  if (isCancelOrError(event)) {
    Object.assign(out, {
      currentStep: text('current_step'),
      errorMessage: text('error_message'),
      errorCode: text('error_code') ?? text('error_id'),
      sessionId: text('session_id'),
      timestamp: text('timestamp'),
    });
    return strip(out);
  }
  if (!isFinish(event)) throw new CallbackError(400, `unsupported event ${event}`);
  out.wabaId = id('waba_id');
  if (!out.wabaId) throw new CallbackError(400, 'waba_id is required for a FINISH event');
  out.phoneNumberId = id('phone_number_id');
  out.businessId = id('business_id');
  for (const name of ASSET_ARRAYS) {
    const v = b[name];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || v.length > ARRAY_MAX || !v.every((x) => typeof x === 'string' && isDigits(x))) {
      throw new CallbackError(400, `${name} must be an array of at most ${ARRAY_MAX} digit strings`);
    }
    (out.assets ??= {})[name] = v as string[];
  }
  const code = b.code;
  if (code !== undefined && code !== null) {
    if (typeof code !== 'string' || code.length > 4096 || !/^[\x21-\x7e]+$/.test(code)) throw new CallbackError(400, 'code must be a printable string');
    out.code = code;
  }
  return strip(out);
}

/** The keys a page posts (docs/signup.md), in the order it posted them: nothing else is forwarded. */
const POSTED_KEYS = new Set(['event', 'waba_id', 'phone_number_id', 'business_id', ...ASSET_ARRAYS, 'code', 'current_step', 'error_message', 'error_code', 'error_id', 'session_id', 'timestamp']);

function forwardable(b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) {
    if (!POSTED_KEYS.has(k) || v === undefined || v === null) continue;
    out[k] = k !== 'code' && (typeof v === 'string' || typeof v === 'number') ? String(v).slice(0, TEXT_MAX) : v;
  }
  return out;
}

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** A line for the terminal: the event and where the person left, never the code. */
export function describeCapture(c: CapturedSignup, lang: Lang): string {
  if (isCancelOrError(c.event)) {
    const where = c.currentStep ? t(lang, 'su.cap.where', { step: c.currentStep }) : '';
    const why = c.errorMessage ? t(lang, 'su.cap.why', { message: c.errorMessage }) : '';
    const ids = [c.errorCode && t(lang, 'su.cap.errorCode', { code: c.errorCode }), c.sessionId && t(lang, 'su.cap.session', { id: c.sessionId })].filter(Boolean);
    const head = t(lang, c.event.startsWith('CANCEL') ? 'su.cap.cancelled' : 'su.cap.failed');
    return `${head}${where}${why}${ids.length ? t(lang, 'su.cap.ids', { ids: ids.join(t(lang, 'su.cap.sep')) }) : ''}`;
  }
  const parts = [
    t(lang, 'su.cap.waba', { id: c.wabaId ?? '' }),
    c.phoneNumberId ? t(lang, 'su.cap.phone', { id: c.phoneNumberId }) : t(lang, 'su.cap.noPhone'),
    c.businessId && t(lang, 'su.cap.business', { id: c.businessId }),
    ...Object.entries(c.assets ?? {}).map(([k, v]) => `${k} ${v.join(',')}`),
  ];
  return t(lang, c.code ? 'su.cap.finishCode' : 'su.cap.finish', { event: c.event, parts: parts.filter(Boolean).join(t(lang, 'su.cap.sep')) });
}
