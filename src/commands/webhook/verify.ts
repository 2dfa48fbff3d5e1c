import { readFile } from 'node:fs/promises';
import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { verifySignature } from '../../core/webhook/signature.js';
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
  if (!secrets.length) throw usageError('--secret is required (repeat it for rotated secrets)');
  for (const s of secrets) ctx.io.secrets.add(s);
  // The exact bytes: a trailing newline added by an editor changes the signature.
  const rawBody = o.bodyFile ? await readFile(o.bodyFile).catch((e: Error) => { throw usageError(`cannot read --body-file: ${e.message}`); }) : await readBytes(ctx.io.stdin);
  const r = verifySignature({ header: o.header, rawBody, secrets, nowSeconds: o.now ?? Math.floor(ctx.clock.now() / 1000), toleranceSeconds: o.tolerance });
  if (!r.ok) {
    throw new YcpError('pending', `invalid signature (${r.reason}): ${r.detail}`, { code: r.reason, details: { valid: false, reason: r.reason } });
  }
  const data = { valid: true, timestamp: r.t, secretIndex: r.secretIndex };
  render(ctx.io, o, data, () => `valid (timestamp ${r.t}, secret #${r.secretIndex + 1} of ${secrets.length})`);
}

/** stdin as bytes, not text: the signature covers bytes (CONTRACT §12). */
async function readBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer | string>) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}
