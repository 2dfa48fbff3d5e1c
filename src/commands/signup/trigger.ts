import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { checkDigits, checkHttpUrl } from '../../core/validate.js';
import { userAgent } from '../../core/api/from-ctx.js';
import { backendTimeoutMs, postToBackend, sampleSignup, type TriggerEvent } from '../../core/signup/backend.js';
import { t } from '../../i18n/index.js';
import { say } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export interface SignupTriggerOptions extends GlobalOpts {
  to?: string;
  event?: TriggerEvent;
  waba?: string;
  phoneNumberId?: string;
  businessId?: string;
  origin?: string;
}

/** `ycp signup trigger --to URL`: one sample signup result to the partner's backend, as the page posts it. */
export async function signupTrigger(ctx: Ctx, o: SignupTriggerOptions): Promise<void> {
  const cfg = await ctx.config();
  const lang = cfg.lang;
  if (!o.to) throw usageError(t(lang, 'su.trigger.needTo'), t(lang, 'su.trigger.needToHint'));
  const url = checkHttpUrl('--to', o.to);
  const origin = o.origin === undefined ? undefined : new URL(checkHttpUrl('--origin', o.origin)).origin;
  const body = sampleSignup({
    event: o.event,
    wabaId: o.waba === undefined ? undefined : checkDigits('--waba', o.waba),
    phoneNumberId: o.phoneNumberId === undefined ? undefined : checkDigits('--phone-number-id', o.phoneNumberId),
    businessId: o.businessId === undefined ? undefined : checkDigits('--business-id', o.businessId),
  });
  const a = await postToBackend({ url, body: JSON.stringify(body), origin, dispatcher: await ctx.dispatcher(), signal: ctx.signal, lang, userAgent: `${userAgent()} signup-trigger`, timeoutMs: backendTimeoutMs(cfg.get('timeout')) });
  const ok = a.status >= 200 && a.status < 300;
  render(ctx.io, o, { url, body, status: a.status, ms: a.ms, answer: a.summary }, (d) => `${d.status}\t${String(body.event)}\t${String(body.waba_id)}`);
  if (!o.json) {
    say(ctx.io, t(lang, 'su.trigger.sent', { event: String(body.event), waba: String(body.waba_id), url, status: a.status, ms: a.ms }));
    if (a.summary) say(ctx.io, t(lang, 'su.trigger.answer', { summary: a.summary }));
    if (o.waba === undefined) say(ctx.io, t(lang, 'su.trigger.sandboxNote'));
  }
  if (!ok) {
    throw new YcpError('api', t(lang, 'su.trigger.rejected', { url, status: a.status }), { code: `HTTP_${a.status}`, hint: t(lang, 'su.trigger.rejectedHint') });
  }
}
