import { readFile } from 'node:fs/promises';
import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { parseSignatureHeader, verifySignature, type VerifyResult } from '../../core/webhook/signature.js';
import { msg, t, type Msg } from '../../i18n/index.js';
import { spanMsg } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export interface WebhookVerifyOptions extends GlobalOpts {
  secret?: string[];
  header: string;
  bodyFile?: string;
  tolerance: number;
  now?: number;
}

export async function webhookVerify(ctx: Ctx, o: WebhookVerifyOptions): Promise<void> {
  const secrets = o.secret?.length ? o.secret : ctx.env.YCLOUD_WEBHOOK_SECRET ? [ctx.env.YCLOUD_WEBHOOK_SECRET] : [];
  if (!secrets.length) throw usageError(msg('hooks.secretNeeded'), msg('hooks.secretNeededHint'));
  for (const s of secrets) ctx.io.secrets.add(s);
  // The exact bytes: a trailing newline added by an editor changes the signature.
  const rawBody = o.bodyFile ? await readFile(o.bodyFile).catch((e: Error) => { throw usageError(msg('hooks.cannotReadBody', { reason: e.message })); }) : await readBytes(ctx.io.stdin);
  const now = o.now ?? Math.floor(ctx.clock.now() / 1000);
  const r = verifySignature({ header: o.header, rawBody, secrets, nowSeconds: now, toleranceSeconds: o.tolerance });
  if (!r.ok) {
    const { detail, hint } = why(r, o, now, secrets.length);
    throw new YcpError('pending', msg('hooks.invalid', { reason: r.reason, detail }), { code: r.reason, hint, details: { valid: false, reason: r.reason } });
  }
  const data = { valid: true, timestamp: r.t, secretIndex: r.secretIndex };
  render(ctx.io, o, data, () => t(ctx.io.lang, 'hooks.valid', { t: r.t, i: r.secretIndex + 1, n: secrets.length }));
}

/** The reason in words: how old (or how far ahead) the timestamp is, in units a person reads (issue 14). */
function why(r: Extract<VerifyResult, { ok: false }>, o: WebhookVerifyOptions, now: number, secrets: number): { detail: Msg; hint?: Msg } {
  if (r.reason === 'stale-timestamp') {
    const age = now - parseSignatureHeader(o.header)!.t;
    const said = { age: spanMsg(age), tolerance: spanMsg(o.tolerance) };
    return { detail: msg(age >= 0 ? 'hooks.staleOld' : 'hooks.staleFuture', said), hint: msg('hooks.staleHint') };
  }
  if (r.reason === 'no-matching-secret') return { detail: secrets === 1 ? msg('hooks.noMatch1') : msg('hooks.noMatch', { n: secrets }), hint: msg('hooks.noMatchHint') };
  return { detail: msg(parseSignatureHeader(o.header) ? 'hooks.badHex' : 'hooks.badHeader') };
}

/** stdin as bytes, not text: the signature covers bytes (CONTRACT §12). */
async function readBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer | string>) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}
