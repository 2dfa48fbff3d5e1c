import type { Ctx } from '../../core/context.js';
import type { ApiResult } from '../../core/api/client.js';
import { prepareRawRequest } from '../../core/api/raw-request.js';
import { sendRaw, walkRaw } from '../../core/api/raw-run.js';
import { readAll } from '../../core/stdin.js';
import { say } from '../../ui/format.js';
import { emitLine, streaming } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export interface ApiRequestOptions extends GlobalOpts {
  path: string;
  method?: string;
  rawField?: string[];
  field?: string[];
  query?: string[];
  input?: string;
  paginate?: boolean;
  jsonLines?: boolean;
  include?: boolean;
  silent?: boolean;
}

/** The answer is the result: JSON on stdout whatever --json says; notes and errors on stderr. */
export async function apiRequest(ctx: Ctx, o: ApiRequestOptions): Promise<void> {
  const cfg = await ctx.config();
  let stdin: Promise<string> | undefined;
  const r = await prepareRawRequest(
    { path: o.path, method: o.method, fields: o.rawField ?? [], typed: o.field ?? [], query: o.query ?? [], input: o.input, paginate: o.paginate },
    { lang: cfg.lang, baseUrl: cfg.get('baseUrl')!, stdin: () => (stdin ??= readAll(ctx.io.stdin, ctx.signal)) },
  );
  if (r.note) say(ctx.io, r.note);
  const api = await ctx.api();
  const out = (v: unknown) => !o.silent && ctx.io.stdout.write(o.jsonLines ? `${JSON.stringify(v)}\n` : `${JSON.stringify(v, null, 2)}\n`);
  if (!o.paginate) {
    const res = await sendRaw(api, r);
    maskSecrets(ctx, res.body);
    if (o.include && !o.silent) head(ctx, res);
    if (res.body === undefined) return;
    if (o.jsonLines && Array.isArray(res.body)) res.body.forEach(out);
    else out(res.body);
    return;
  }
  const all: unknown[] = [];
  await streaming(ctx.io, { json: o.jsonLines && o.json }, async () => {
    let first = true;
    for await (const page of walkRaw(api, r, { clock: ctx.clock, signal: ctx.signal, lang: cfg.lang })) {
      maskSecrets(ctx, page.body);
      if (first && o.include && !o.silent) head(ctx, page);
      first = false;
      if (o.jsonLines) page.items.forEach((item) => !o.silent && emitLine(ctx.io, item));
      else all.push(...page.items);
    }
  });
  if (!o.jsonLines) out(all);
}

function head(ctx: Ctx, res: ApiResult<unknown>): void {
  const lines = [`HTTP ${res.status}`, ...Object.entries(res.headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined).map((x) => `${k}: ${x}`))];
  ctx.io.stdout.write(`${lines.join('\n')}\n\n`);
}

/** Webhook endpoint secrets in an answer are masked like every secret ycp holds (CLI.md §7). */
function maskSecrets(ctx: Ctx, v: unknown, depth = 0): void {
  if (!v || typeof v !== 'object' || depth > 8) return;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'secret' && typeof x === 'string') ctx.io.secrets.add(x);
    else maskSecrets(ctx, x, depth + 1);
  }
}
