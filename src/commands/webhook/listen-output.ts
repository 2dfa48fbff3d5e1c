// What `webhook listen` shows. stdout: one line per event (TTY), tab-separated rows (pipe), or the
// event itself as NDJSON (--json). Everything else (rejections, forwards, status) goes to stderr.
// Bodies of rejected deliveries are never shown (CLI.md §7).
import type { Ctx } from '../../core/context.js';
import type { ForwardResult, Rejection, WebhookEvent } from '../../core/webhook/listener.js';
import { summarizeEvent } from '../../core/webhook/summary.js';
import { formatDuration } from '../../core/duration.js';
import { colors, printable, say, warn } from '../../ui/format.js';
import { emitLine } from '../../ui/render.js';

export function listenPrinter(ctx: Ctx, o: { json?: boolean; verbose?: boolean }) {
  const out = colors(ctx.io).out;
  const err = colors(ctx.io).err;
  return {
    event(e: WebhookEvent): void {
      if (o.json) return emitLine(ctx.io, e);
      const at = new Date(ctx.clock.now());
      // A signed event is still a sender's text: a newline in `id` must not forge a line, nor an ESC
      // in `type` clear the screen (--json above keeps the exact values).
      const type = printable(String(e.type));
      const id = printable(String(e.id));
      const summary = summarizeEvent(e);
      if (!ctx.io.stdoutTTY) {
        ctx.io.stdout.write(`${at.toISOString()}\t${type}\t${id}\t${summary}\n`);
        return;
      }
      const time = at.toTimeString().slice(0, 8);
      ctx.io.stdout.write(`${out.dim(time)}  ${out.cyan(type)}  ${id}  ${summary}\n`);
    },
    reject(r: Rejection): void {
      say(ctx.io, `${err.red('rejected')} ${r.status} ${r.reason}: ${printable(r.detail)}`);
    },
    forward(r: ForwardResult, to: string): void {
      const ok = r.status >= 200 && r.status < 300;
      if (ok && !ctx.io.stderrTTY && !o.verbose) return;
      const line = `forward ${printable(r.id)} → ${to} ${r.status} (${r.ms}ms)${r.error ? `: ${printable(r.error)}` : ''}`;
      if (ok) say(ctx.io, `${err.dim(line)}`);
      else warn(ctx.io, `${line}; YCloud gets ${r.status} and will retry`);
    },
    timeout(count: number, timeoutMs: number): void {
      say(ctx.io, `${err.yellow('timed out')}: ${count} request(s) did not send their whole body within ${formatDuration(timeoutMs)}: closed (408)`);
    },
    duplicate(id: string): void {
      ctx.debug(`duplicate delivery of ${printable(id)} acknowledged (already handled)`);
    },
  };
}
