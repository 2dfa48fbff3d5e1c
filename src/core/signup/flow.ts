// CONTRACT §16 after a captured signup: WABA (may take a moment to appear) → payment method →
// number → register ONCE (never retried: 10 tries / 72 h) → wait for CONNECTED. With `registers: false`
// (`serve --forward-to`) the partner's backend is the one that registers: ycp checks and waits, so the
// number is still registered once.
import type { Ctx } from '../context.js';
import { YcpError } from '../errors.js';
import type { YcloudApi } from '../api/client.js';
import type { Waba } from '../api/types.js';
import { waitDeadline } from '../deadline.js';
import { formatDuration } from '../duration.js';
import { registerPhone } from '../phone/register.js';
import { phoneTarget, resolvePhone } from '../phone/resolve.js';
import { waitForPhoneStatus } from '../phone/wait.js';
import type { CapturedSignup } from './capture.js';
import { t, type Lang, type MsgKey, type Params } from '../../i18n/index.js';

export type FlowPhase = 'waba' | 'payment' | 'number' | 'register' | 'wait' | 'connected' | 'done';

export interface FlowProgress {
  phase: FlowPhase;
  message: string;
  elapsedMs: number;
  status?: string;
}

export interface FlowOptions {
  /** How long a 404 on the WABA is retried. */
  wabaTimeoutMs: number;
  /** How long to wait for CONNECTED after registering. */
  waitTimeoutMs: number;
  intervalMs: number;
  /** false: the partner's backend registers the number (`--forward-to`); ycp only checks and waits. */
  registers?: boolean;
  lang: Lang;
  onProgress(p: FlowProgress): void;
}

export interface FlowResult {
  wabaId: string;
  businessId?: string;
  phoneNumberId?: string;
  e164?: string;
  status?: string;
  paymentMethodAttached?: boolean;
  registered: boolean;
  /** Why register was not called, when it was not. */
  registerSkipped?: 'already-connected' | 'business-app-onboarding' | 'no-phone-number' | 'partner-backend';
  timings: { wabaMs: number; registerMs?: number; waitMs?: number; totalMs: number };
}

type FlowCtx = Pick<Ctx, 'clock' | 'signal'> & { api: YcloudApi };

export async function runSignupFlow(flowCtx: FlowCtx, c: CapturedSignup, o: FlowOptions): Promise<FlowResult> {
  // `serve --keep-running` handles signups for hours: each phase has its own deadline, never the
  // client's (the WABA lookup: wabaTimeoutMs; register: the timeout setting; the wait: --timeout).
  const ctx: FlowCtx = { ...flowCtx, api: flowCtx.api.perOperation() };
  const start = ctx.clock.now();
  const since = () => ctx.clock.now() - start;
  const tr = (key: MsgKey, params?: Params) => t(o.lang, key, params);
  const say = (phase: FlowPhase, key: MsgKey, params: Params = {}, status?: string) => o.onProgress({ phase, message: tr(key, params), elapsedMs: since(), status });
  const wabaId = c.wabaId!;
  const phone = c.phoneNumberId ?? '<phone>';

  say('waba', 'su.flow.readingWaba', { waba: wabaId });
  const waba = await retrieveWaba(ctx, wabaId, o, (n) => say('waba', 'su.flow.wabaRetry', { waba: wabaId, n, interval: formatDuration(o.intervalMs) }));
  const wabaMs = since();
  const result: FlowResult = { wabaId, businessId: waba.businessId ?? c.businessId, phoneNumberId: c.phoneNumberId, registered: false, paymentMethodAttached: waba.paymentMethodAttached, timings: { wabaMs, totalMs: 0 } };

  if (waba.paymentMethodAttached !== true) {
    throw new YcpError('pending', tr('su.flow.noPayment', { waba: wabaId }), {
      code: 'PAYMENT_METHOD_MISSING',
      hint: tr('su.flow.noPaymentHint', { waba: wabaId, phone }),
      details: { wabaId, phoneNumberId: c.phoneNumberId },
    });
  }
  say('payment', 'su.flow.payment');

  if (!c.phoneNumberId) {
    // FINISH_ONLY_WABA (and some coexistence flows): no number was shared, nothing to register.
    result.registerSkipped = 'no-phone-number';
    result.timings.totalMs = since();
    say('done', 'su.flow.noPhone', { event: c.event, waba: wabaId });
    return result;
  }

  let e164: string;
  let status: string;
  const regStart = ctx.clock.now();
  // Meta (coexistence page): "skip the phone number registration step, as the number is already registered".
  const coex = c.event === 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING';
  const target = phoneTarget(wabaId, c.phoneNumberId);
  if (coex || o.registers === false) {
    const p = await resolvePhone(ctx.api, target);
    ({ e164 } = p);
    status = String(p.number.status ?? 'UNKNOWN');
    result.registerSkipped = coex ? 'business-app-onboarding' : 'partner-backend';
    say('number', coex ? 'su.flow.coex' : 'su.flow.leftToBackend', { e164, status }, status);
  } else {
    let called = false;
    const r = await registerPhone(ctx.api, target, async (p) => {
      called = true;
      const st = String(p.number.status ?? 'UNKNOWN');
      say('number', 'su.flow.found', { e164: p.e164, status: st }, st);
      say('register', 'su.flow.registering', { e164: p.e164 });
    }).catch((err: unknown) => {
      throw called ? registerFailure(err, tr('su.flow.registerHint', { waba: wabaId, phone: c.phoneNumberId! })) : err;
    });
    e164 = r.e164;
    status = String(r.status ?? 'UNKNOWN');
    result.registered = !r.skipped;
    if (r.skipped) {
      result.registerSkipped = 'already-connected';
      say('number', 'su.flow.already', { e164 }, status);
    } else {
      result.timings.registerMs = ctx.clock.now() - regStart;
      say('register', 'su.flow.registered', { e164, status }, status);
    }
  }
  result.e164 = e164;
  result.status = status;

  if (status !== 'CONNECTED') {
    const waitStart = ctx.clock.now();
    say('wait', 'su.flow.waiting', { e164 }, status);
    const w = await waitForPhoneStatus(ctx, {
      wabaId,
      e164,
      for: 'CONNECTED',
      timeoutMs: o.waitTimeoutMs,
      intervalMs: o.intervalMs,
      onPoll: (p) => say('wait', 'su.flow.waitingPoll', { e164, elapsed: formatDuration(p.elapsedMs), status: p.status }, p.status),
    }).catch((err: unknown) => {
      // Waiting on the backend's registration: say whose job it was.
      if (o.registers === false && err instanceof YcpError && err.kind === 'pending') {
        throw new YcpError('pending', err.message, { ...err.info, hint: tr('su.flow.backendHint', { waba: wabaId, phone: c.phoneNumberId! }) });
      }
      throw err;
    });
    result.status = w.status;
    result.timings.waitMs = ctx.clock.now() - waitStart;
  }
  result.timings.totalMs = since();
  say('connected', 'su.flow.connected', { e164 }, 'CONNECTED');
  return result;
}

async function retrieveWaba(ctx: FlowCtx, wabaId: string, o: FlowOptions, note: (attempt: number) => void): Promise<Waba> {
  const start = ctx.clock.now();
  const deadline = waitDeadline(ctx.clock, o.wabaTimeoutMs);
  const api = ctx.api.within(deadline);
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.getWaba(wabaId);
    } catch (err) {
      // CONTRACT §16.1: a fresh WABA can take a moment to become visible to YCloud.
      if (!(err instanceof YcpError) || err.info.status !== 404) throw err;
      const elapsed = ctx.clock.now() - start;
      const left = deadline.waitRemaining();
      if (left <= 0) {
        throw new YcpError('api', t(o.lang, 'su.flow.wabaInvisible', { waba: wabaId, elapsed: formatDuration(elapsed) }), {
          code: err.info.code,
          requestId: err.info.requestId,
          status: 404,
          hint: t(o.lang, 'su.flow.wabaInvisibleHint', { waba: wabaId }),
        });
      }
      note(attempt);
      await ctx.clock.sleep(Math.min(o.intervalMs, left), ctx.signal);
    }
  }
}

function registerFailure(err: unknown, hint: string): unknown {
  if (!(err instanceof YcpError) || err.kind !== 'api') return err;
  return new YcpError(err.kind, err.message, { ...err.info, hint });
}
