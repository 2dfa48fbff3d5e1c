// CONTRACT §16 after a captured signup: WABA (may take a moment to appear) → payment method →
// number → register ONCE (never retried: 10 tries / 72 h) → wait for CONNECTED.
import type { Ctx } from '../context.js';
import { YcpError } from '../errors.js';
import type { YcloudApi } from '../api/client.js';
import type { Waba } from '../api/types.js';
import { waitDeadline } from '../deadline.js';
import { formatDuration } from '../duration.js';
import { registerPhone } from '../phone/register.js';
import { resolvePhone } from '../phone/resolve.js';
import { waitForPhoneStatus } from '../phone/wait.js';
import type { CapturedSignup } from './capture.js';

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
  registerSkipped?: 'already-connected' | 'business-app-onboarding' | 'no-phone-number';
  timings: { wabaMs: number; registerMs?: number; waitMs?: number; totalMs: number };
}

type FlowCtx = Pick<Ctx, 'clock' | 'signal'> & { api: YcloudApi };

export async function runSignupFlow(flowCtx: FlowCtx, c: CapturedSignup, o: FlowOptions): Promise<FlowResult> {
  // `serve --keep-running` handles signups for hours: each phase has its own deadline, never the
  // client's (the WABA lookup: wabaTimeoutMs; register: the timeout setting; the wait: --timeout).
  const ctx: FlowCtx = { ...flowCtx, api: flowCtx.api.perOperation() };
  const start = ctx.clock.now();
  const since = () => ctx.clock.now() - start;
  const say = (phase: FlowPhase, message: string, status?: string) => o.onProgress({ phase, message, elapsedMs: since(), status });
  const wabaId = c.wabaId!;

  say('waba', `Reading WABA ${wabaId}`);
  const waba = await retrieveWaba(ctx, wabaId, o, (m) => say('waba', m));
  const wabaMs = since();
  const result: FlowResult = { wabaId, businessId: waba.businessId ?? c.businessId, phoneNumberId: c.phoneNumberId, registered: false, paymentMethodAttached: waba.paymentMethodAttached, timings: { wabaMs, totalMs: 0 } };

  if (waba.paymentMethodAttached !== true) {
    throw new YcpError('pending', `WABA ${wabaId} has no payment method attached, so its number cannot send yet`, {
      code: 'PAYMENT_METHOD_MISSING',
      hint: `ask YCloud to attach the credit line (check that the Solution ID is in extras.setup), then check with \`ycp waba get ${wabaId}\` and register with \`ycp phone register ${wabaId} ${c.phoneNumberId ?? '<phone>'}\``,
      details: { wabaId, phoneNumberId: c.phoneNumberId },
    });
  }
  say('payment', 'Payment method attached');

  if (!c.phoneNumberId) {
    // FINISH_ONLY_WABA (and some coexistence flows): no number was shared, nothing to register.
    result.registerSkipped = 'no-phone-number';
    result.timings.totalMs = since();
    say('done', `No phone number was shared (${c.event}); add one, then run \`ycp phone register ${wabaId} <phone>\``);
    return result;
  }

  let e164: string;
  let status: string;
  const regStart = ctx.clock.now();
  if (c.event === 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING') {
    // CONTRACT §15: a WhatsApp Business app number (coexistence) must not be registered.
    const p = await resolvePhone(ctx.api, wabaId, c.phoneNumberId);
    ({ e164 } = p);
    status = String(p.number.status ?? 'UNKNOWN');
    result.registerSkipped = 'business-app-onboarding';
    say('number', `${e164} is ${status}; Business app onboarding: not registering`, status);
  } else {
    let called = false;
    const r = await registerPhone(ctx.api, wabaId, c.phoneNumberId, async (p) => {
      called = true;
      say('number', `Found ${p.e164} (${String(p.number.status ?? 'UNKNOWN')})`, String(p.number.status ?? 'UNKNOWN'));
      say('register', `Registering ${p.e164} (once; never retried automatically)`);
    }).catch((err: unknown) => {
      throw called ? registerFailure(err, wabaId, c.phoneNumberId!) : err;
    });
    e164 = r.e164;
    status = String(r.status ?? 'UNKNOWN');
    result.registered = !r.skipped;
    if (r.skipped) {
      result.registerSkipped = 'already-connected';
      say('number', `${e164} is already CONNECTED; not registering`, status);
    } else {
      result.timings.registerMs = ctx.clock.now() - regStart;
      say('register', `Registered ${e164} (status ${status})`, status);
    }
  }
  result.e164 = e164;
  result.status = status;

  if (status !== 'CONNECTED') {
    const waitStart = ctx.clock.now();
    say('wait', `Waiting for ${e164} to be CONNECTED`, status);
    const w = await waitForPhoneStatus(ctx, {
      wabaId,
      e164,
      for: 'CONNECTED',
      timeoutMs: o.waitTimeoutMs,
      intervalMs: o.intervalMs,
      onPoll: (p) => say('wait', `Waiting for ${e164} to be CONNECTED · ${formatDuration(p.elapsedMs)} · last seen ${p.status}`, p.status),
    });
    result.status = w.status;
    result.timings.waitMs = ctx.clock.now() - waitStart;
  }
  result.timings.totalMs = since();
  say('connected', `${e164} is CONNECTED`, 'CONNECTED');
  return result;
}

async function retrieveWaba(ctx: FlowCtx, wabaId: string, o: FlowOptions, note: (m: string) => void): Promise<Waba> {
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
        throw new YcpError('api', `WABA ${wabaId} is still not visible to YCloud after ${formatDuration(elapsed)}`, {
          code: err.info.code,
          requestId: err.info.requestId,
          status: 404,
          hint: `check that the signup used your Solution ID (extras.setup.solutionID) and that this API key belongs to that partner account; then \`ycp waba get ${wabaId}\``,
        });
      }
      note(`WABA ${wabaId} is not visible yet (try ${attempt}); retrying in ${formatDuration(o.intervalMs)}`);
      await ctx.clock.sleep(Math.min(o.intervalMs, left), ctx.signal);
    }
  }
}

function registerFailure(err: unknown, wabaId: string, phoneNumberId: string): unknown {
  if (!(err instanceof YcpError) || err.kind !== 'api') return err;
  return new YcpError(err.kind, err.message, {
    ...err.info,
    hint: `register was called once and not retried (10 tries per 72 h); check the number with \`ycp phone get ${wabaId} ${phoneNumberId}\` before \`ycp phone register ${wabaId} ${phoneNumberId}\``,
  });
}
