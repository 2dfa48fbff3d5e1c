import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { runDoctor, type Check, type DoctorResult } from '../../core/doctor/checks.js';
import { t, tm } from '../../i18n/index.js';
import { colors, displayWidth, mask, padEnd } from '../../ui/format.js';
import { render, reported } from '../../ui/render.js';
import { startSpinner } from '../../ui/spinner.js';
import type { GlobalOpts } from '../shared.js';

const PAINT = { pass: 'green', warn: 'yellow', fail: 'red' } as const;

export async function doctor(ctx: Ctx, o: GlobalOpts): Promise<void> {
  const r = await runDoctor(ctx, {
    mask,
    probing: (lang) => {
      const s = startSpinner(ctx.io, t(lang, 'dr.probing'), { json: o.json });
      return () => s.stop();
    },
  });
  const count = (l: Check['level']) => r.checks.filter((c) => c.level === l).length;
  const summary = { pass: count('pass'), warn: count('warn'), fail: count('fail') };
  const doc = {
    ok: summary.fail === 0,
    summary,
    checks: r.checks.map((c) => ({ id: c.id, level: c.level, message: tm(r.lang, c.text), ...(c.fix ? { fix: tm(r.lang, c.fix) } : {}) })),
  };
  render(ctx.io, o, doc, () => human(ctx, r, summary));
  if (summary.fail) {
    // Under --json the report already says so (ok: false): the error only sets the exit code, 4 when the
    // key is missing or rejected (like every other command; it blocks them all), else 3.
    const auth = r.checks.some((c) => c.auth && c.level === 'fail');
    throw reported(new YcpError(auth ? 'auth' : 'pending', t(r.lang, 'dr.failed', { count: summary.fail })), Boolean(o.json));
  }
}

function human(ctx: Ctx, r: DoctorResult, s: { pass: number; warn: number; fail: number }): string {
  const ch = colors(ctx.io).out;
  const labels = { pass: t(r.lang, 'dr.pass'), warn: t(r.lang, 'dr.warn'), fail: t(r.lang, 'dr.fail') };
  const w = Math.max(...Object.values(labels).map(displayWidth));
  const lines = r.checks.map((c) => {
    const head = `${ch[PAINT[c.level]](padEnd(labels[c.level], w))}  ${tm(r.lang, c.text)}`;
    return c.fix && c.level !== 'pass' ? `${head}\n${' '.repeat(w)}  ${ch.dim(t(r.lang, 'dr.fix', { fix: tm(r.lang, c.fix) }))}` : head;
  });
  return `${lines.join('\n')}\n${t(r.lang, 'dr.summary', s)}\n`;
}
