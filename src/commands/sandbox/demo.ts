// `ycp demo`: the whole partner journey on an embedded sandbox, no account, no network, no prompts.
// The journey lives in core/demo/journey.ts (imported inside the action); this file narrates it.
import type { Ctx } from '../../core/context.js';
import { colors, say } from '../../ui/format.js';
import type { GlobalOpts } from '../shared.js';

export async function demoRun(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const { runJourney } = await import('../../core/demo/journey.js');
  const ch = colors(ctx.io).err;
  const tty = ctx.io.stderrTTY;
  const quiet = Boolean(o.json);
  if (!quiet) say(ctx.io, tty ? ch.bold('ycp demo: the partner journey on a local YCloud sandbox (no account, no network)\n') : 'ycp demo: the partner journey on a local YCloud sandbox (no account, no network)');
  let n = 0;
  const report = await runJourney(ctx, {
    onStep(s) {
      if (quiet) return;
      n++;
      if (tty) {
        const mark = s.ok ? ch.green('✓') : ch.red('✗');
        say(ctx.io, `${mark} ${String(n).padStart(2)}. ${s.title} ${ch.dim(`${s.ms} ms`)}\n      ${ch.dim(s.detail)}`);
      } else {
        say(ctx.io, `${s.ok ? 'ok' : 'FAILED'} ${n}. ${s.title}: ${s.detail} (${s.ms} ms)`);
      }
    },
  });
  if (quiet) {
    ctx.io.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  say(ctx.io, `\n${tty ? ch.green('Done') : 'Done'} in ${(report.durationMs / 1000).toFixed(1)} s. Now do it for real:`);
  for (const line of report.next) say(ctx.io, `  ${line}`);
}
