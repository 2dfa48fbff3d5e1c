// What the page posts to `signup serve` after Embedded Signup (CONTRACT §15): the session event and
// the exchangeable code. The code is a short-lived secret: it stays in memory, never in a log or file.
import { isDigits } from '../validate.js';

export type SignupEventName = 'FINISH' | 'FINISH_ONLY_WABA' | 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING' | 'CANCEL' | 'ERROR' | (string & {});

export interface CapturedSignup {
  event: SignupEventName;
  wabaId?: string;
  phoneNumberId?: string;
  businessId?: string;
  /** Secret. Only `hasCode` is ever shown or saved. */
  code?: string;
  currentStep?: string;
  errorMessage?: string;
  errorId?: string;
  sessionId?: string;
  receivedAt: number;
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
export const isCancelOrError = (event: string) => event === 'CANCEL' || event === 'ERROR';

const EVENT_RE = /^[A-Z][A-Z0-9_]{0,63}$/;
const TEXT_MAX = 500;

/** Validates a parsed callback body (the state token was checked before). Throws CallbackError(400). */
export function parseCallbackBody(body: unknown, now: number): CapturedSignup {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new CallbackError(400, 'body must be a JSON object');
  const b = body as Record<string, unknown>;
  const event = b.event;
  if (typeof event !== 'string' || !EVENT_RE.test(event)) throw new CallbackError(400, 'event must be a Embedded Signup event name');
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
  const out: CapturedSignup = { event, receivedAt: now };
  if (isCancelOrError(event)) {
    Object.assign(out, { currentStep: text('current_step'), errorMessage: text('error_message'), errorId: text('error_id'), sessionId: text('session_id') });
    return strip(out);
  }
  if (!isFinish(event)) throw new CallbackError(400, `unsupported event ${event}`);
  out.wabaId = id('waba_id');
  if (!out.wabaId) throw new CallbackError(400, 'waba_id is required for a FINISH event');
  out.phoneNumberId = id('phone_number_id');
  out.businessId = id('business_id');
  const code = b.code;
  if (code !== undefined && code !== null) {
    if (typeof code !== 'string' || code.length > 4096 || !/^[\x21-\x7e]+$/.test(code)) throw new CallbackError(400, 'code must be a printable string');
    out.code = code;
  }
  return strip(out);
}

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** A line for the terminal: the event and where the person left, never the code. */
export function describeCapture(c: CapturedSignup): string {
  if (isCancelOrError(c.event)) {
    const where = c.currentStep ? ` at step ${c.currentStep}` : '';
    const why = c.errorMessage ? `: ${c.errorMessage}` : '';
    const ids = [c.errorId && `error id ${c.errorId}`, c.sessionId && `session ${c.sessionId}`].filter(Boolean).join(', ');
    return `${c.event === 'CANCEL' ? 'the signup was cancelled' : 'the signup failed'}${where}${why}${ids ? ` (${ids})` : ''}`;
  }
  const parts = [`WABA ${c.wabaId}`, c.phoneNumberId ? `phone number ID ${c.phoneNumberId}` : 'no phone number', c.businessId && `business ${c.businessId}`];
  return `${c.event}: ${parts.filter(Boolean).join(', ')}${c.code ? ' (code received)' : ' (no code)'}`;
}
