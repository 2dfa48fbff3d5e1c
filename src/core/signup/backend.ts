// The partner's own backend, as the signup page talks to it (docs/signup.md "The result the page posts"):
// one JSON POST of the signup result. `signup serve --forward-to` sends each captured result on to it
// exactly as the page would have, and `signup trigger` sends a sample one. A backend that does not
// answer within BACKEND_TIMEOUT_MS (headers and body) ends the exchange: nothing here waits forever.
import type { Dispatcher } from 'undici';
import { LocalPostFailed, postLocal } from '../local-post.js';
import { timeoutSettingMs } from '../deadline.js';
import { YcpError } from '../errors.js';
import { printable } from '../printable.js';
import { t, type Lang } from '../../i18n/index.js';
import { SEED } from '../sandbox/seed.js';
import { isLoopbackHost } from './sandbox-mode.js';

export const BACKEND_TIMEOUT_MS = 10_000;

/** The partner's backend gets 10 s for its answer, or the `timeout` setting when that is shorter. */
export function backendTimeoutMs(timeoutSetting: string | undefined): number {
  return Math.min(BACKEND_TIMEOUT_MS, timeoutSettingMs(timeoutSetting));
}
/** How much of the backend's answer is read, and how much of it is shown. */
const READ_LIMIT = 4096;
const SHOWN = 200;

export interface BackendAnswer {
  status: number;
  ms: number;
  /** The start of the answer, printable, cut at SHOWN characters. */
  summary: string;
}

export async function postToBackend(o: {
  url: string;
  /** The exact JSON text to send. */
  body: string;
  /** The page's origin, sent as a browser's cross-origin fetch would. */
  origin?: string;
  dispatcher?: Dispatcher;
  signal: AbortSignal;
  lang: Lang;
  userAgent: string;
  timeoutMs?: number;
}): Promise<BackendAnswer> {
  const timeoutMs = o.timeoutMs ?? BACKEND_TIMEOUT_MS;
  try {
    const a = await postLocal({
      url: o.url,
      body: o.body,
      headers: { 'content-type': 'application/json', 'user-agent': o.userAgent, ...(o.origin ? { origin: o.origin } : {}) },
      dispatcher: o.dispatcher,
      signal: o.signal,
      timeoutMs,
      readLimit: READ_LIMIT,
    });
    return { status: a.status, ms: a.ms, summary: summarize(a.text) };
  } catch (err) {
    if (!(err instanceof LocalPostFailed)) throw err; // Ctrl-C: cancelled, not a backend problem
    const e = err.cause as { code?: string; message?: string };
    const reason = err.timedOut ? t(o.lang, 'su.be.timeout', { seconds: timeoutMs / 1000 }) : (e?.code ?? e?.message ?? String(err.cause));
    throw new YcpError('network', t(o.lang, 'su.be.unreachable', { url: o.url, reason }), { hint: t(o.lang, 'su.be.unreachableHint', { seconds: timeoutMs / 1000 }), cause: err.cause });
  }
}

/** The page's backend URL: https, or http on loopback for testing (a browser blocks the rest from an https page). */
export function checkBackendUrl(v: string, lang: Lang): string {
  const s = v.trim();
  let u: URL | undefined;
  try {
    u = new URL(s);
  } catch {
    u = undefined;
  }
  const loopback = u?.protocol === 'http:' && isLoopbackHost(u.hostname);
  if (!u || !(u.protocol === 'https:' || loopback) || u.username || u.password || /\s/.test(s)) {
    throw new YcpError('usage', t(lang, 'su.badBackendUrl', { value: s.slice(0, 60) }));
  }
  return u.toString();
}

export function summarize(text: string): string {
  const one = printable(text.replace(/\s+/g, ' ').trim());
  return one.length > SHOWN ? `${one.slice(0, SHOWN - 1)}…` : one;
}

export const TRIGGER_EVENTS = ['FINISH', 'FINISH_ONLY_WABA', 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

/**
 * A sample result, shaped like the page's. The default IDs exist in the sandbox's default seed (a paid
 * WABA and its PENDING number), so a backend pointed at `ycp sandbox` can run its whole flow offline.
 * FINISH_ONLY_WABA carries no number; coexistence (FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING) only the WABA.
 */
export function sampleSignup(o: { event?: TriggerEvent; wabaId?: string; phoneNumberId?: string; businessId?: string } = {}): Record<string, unknown> {
  const event = o.event ?? 'FINISH';
  const body: Record<string, unknown> = { event, waba_id: o.wabaId ?? SEED.wabaId };
  if (event === 'FINISH') body.phone_number_id = o.phoneNumberId ?? SEED.pending.id;
  else if (o.phoneNumberId) body.phone_number_id = o.phoneNumberId;
  if (event !== 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING') body.business_id = o.businessId ?? SEED.businessId;
  return body;
}
