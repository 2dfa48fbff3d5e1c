// `ycp demo`: the whole partner journey on an embedded sandbox, no account, no network, no prompts.
// The journey lives in core/demo/journey.ts (imported inside the action); this file narrates it.
import type { Ctx } from '../../core/context.js';
import type { JourneyReport, JourneyStep } from '../../core/demo/journey.js';
import { t, text, tm, type Lang } from '../../i18n/index.js';
import { colors, displayWidth, say } from '../../ui/format.js';
import type { GlobalOpts } from '../shared.js';

export async function demoRun(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const { runJourney } = await import('../../core/demo/journey.js');
  const l = ctx.io.lang;
  const ch = colors(ctx.io).err;
  const tty = ctx.io.stderrTTY;
  const quiet = Boolean(o.json);
  if (!quiet) say(ctx.io, tty ? ch.bold(`${t(l, 'sandbox.demoHeader')}\n`) : t(l, 'sandbox.demoHeader'));
  let n = 0;
  const report = await runJourney(ctx, {
    onStep(s) {
      if (quiet) return;
      n++;
      const title = tm(l, s.title);
      const detail = text(l, s.detail);
      if (tty) {
        const mark = s.ok ? ch.green('✓') : ch.red('✗');
        say(ctx.io, `${mark} ${String(n).padStart(2)}. ${title} ${ch.dim(`${s.ms} ms`)}\n      ${ch.dim(detail)}`);
      } else {
        say(ctx.io, t(l, 'sandbox.demoStepLine', { mark: t(l, s.ok ? 'sandbox.demoOk' : 'sandbox.demoFailed'), n, title, detail, ms: s.ms }));
      }
    },
  });
  // The closing lines must work as printed: from a clone where `ycp` is not on PATH, through npx.
  const onPath = Boolean(await ctx.spawn.which('ycp', ctx.env));
  const next = nextLines(report, onPath, l);
  if (quiet) {
    ctx.io.stdout.write(JSON.stringify({ ...report, steps: report.steps.map((s) => said(s, l)), next }, null, 2) + '\n');
    return;
  }
  const done = tty ? ch.green(t(l, 'sandbox.demoDoneWord')) : t(l, 'sandbox.demoDoneWord');
  say(ctx.io, `\n${done}${t(l, 'sandbox.demoDoneTail', { seconds: (report.durationMs / 1000).toFixed(1) })}`);
  for (const line of next) say(ctx.io, `  ${line}`);
  if (!onPath) say(ctx.io, t(l, 'sandbox.notOnPath'));
}

const said = (s: JourneyStep, l: Lang) => ({ ...s, title: tm(l, s.title), detail: text(l, s.detail) });

/** `ycp login   # what it is for`, aligned; `npx ycp …` when ycp is not on PATH. */
function nextLines(report: JourneyReport, onPath: boolean, l: Lang): string[] {
  const commands = report.next.map((c) => `${onPath ? '' : 'npx '}ycp ${c.args}`);
  const w = Math.max(...commands.map(displayWidth));
  return report.next.map((c, i) => `${commands[i]!.padEnd(w)}  # ${tm(l, c.what)}`);
}
