// Shared by `webhook trigger` and `webhook replay`: they sign and post events alike.
import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { sendSignedEvent, type SendResult } from '../../core/webhook/send.js';
import { signingSecret } from '../../core/webhook/secret.js';
import { t, type Lang } from '../../i18n/index.js';
import { say } from '../../ui/format.js';

type Dispatcher = Awaited<ReturnType<Ctx['dispatcher']>>;

/**
 * Resolves the signing secret (saying so, outside --json, when it is the forwarding one) and returns a
 * sender to `url` whose failure to post is a network error. Without a dispatcher in hand it takes the
 * context's inside that error (trigger); replay takes it once beforehand.
 */
export async function signedSender(ctx: Ctx, lang: Lang, o: { secret?: string; json?: boolean }, url: string): Promise<(body: string, dispatcher?: Dispatcher) => Promise<SendResult>> {
  const signing = await signingSecret(ctx, o.secret);
  if (signing.source === 'forwarding' && !o.json) say(ctx.io, t(lang, 'wh.signedWithForwarding', { profile: signing.profile! }));
  return async (body, dispatcher) => {
    try {
      return await sendSignedEvent({ url, body, secret: signing.secret, nowMs: ctx.clock.now(), dispatcher: dispatcher ?? (await ctx.dispatcher()), signal: ctx.signal });
    } catch (err) {
      throw new YcpError('network', t(lang, 'wh.postFailed', { url, reason: (err as Error).message }), { hint: t(lang, 'wh.postFailedHint'), cause: err });
    }
  };
}
