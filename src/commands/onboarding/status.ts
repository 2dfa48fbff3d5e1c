import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { readStatus } from '../../core/checklist/status.js';
import { KIND_KEY, STATE_KEY, type Report } from '../../core/checklist/evaluate.js';
import { t } from '../../i18n/index.js';
import { colors, mask, say } from '../../ui/format.js';
import { render, reported } from '../../ui/render.js';
import { formatTable } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

const COLOR = { done: 'green', waiting: 'yellow', todo: 'red' } as const;

export async function status(ctx: Ctx, o: GlobalOpts & { exitStatus?: boolean; requireVerified?: boolean }): Promise<void> {
  const r = await readStatus(ctx, mask, { requireVerified: Boolean(o.requireVerified) });
  render(ctx.io, o, r, () => human(ctx, r));
  if (o.exitStatus && !r.complete) {
    const open = r.steps.filter((s) => s.state !== 'done').length;
    // Under --json the report already says so: the error only sets exit 3. Otherwise it names the next command.
    throw reported(new YcpError('pending', t(r.lang, 'st.notDone', { count: open }), { hint: r.next }), Boolean(o.json));
  }
}

function human(ctx: Ctx, r: Report): string {
  const tty = ctx.io.stdoutTTY;
  const state = (s: Report['steps'][number]) => t(r.lang, STATE_KEY[s.state]);
  const table = formatTable(
    ctx.io,
    r.steps,
    [
      { header: '#', get: (s) => s.n },
      { header: t(r.lang, 'st.colState'), get: state, color: (v) => COLOR[r.steps.find((s) => state(s) === v)?.state ?? 'todo'] },
      { header: t(r.lang, 'st.colKind'), get: (s) => t(r.lang, KIND_KEY[s.kind]) },
      { header: t(r.lang, 'st.colStep'), get: (s) => s.title },
      { header: t(r.lang, 'st.colEvidence'), get: (s) => [...s.evidence, ...(s.blocker ? [`→ ${s.blocker}`] : [])].join(t(r.lang, 'ui.sep')) },
    ],
    ctx.clock.now(),
  );
  const next = r.next ? t(r.lang, 'st.next', { command: r.next }) : t(r.lang, 'st.allDone');
  if (!tty) {
    // Piped: rows only on stdout so `cut`/`awk` work; the next command still reaches a person on stderr.
    say(ctx.io, next);
    return table;
  }
  return `${colors(ctx.io).out.bold(t(r.lang, 'st.header', { profile: r.profile }))}\n${table}\n${next}\n`;
}
