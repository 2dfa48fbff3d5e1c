// Shared by the template verbs: one template's fields, the check of a body before sending, and following
// a review (spinner on a TTY, NDJSON under --json like `phone wait`).
import type { Ctx } from '../../core/context.js';
import type { YcloudApi } from '../../core/api/client.js';
import type { Template } from '../../core/api/types.js';
import { flagDeadline } from '../../core/deadline.js';
import { formatDuration } from '../../core/duration.js';
import { YcpError } from '../../core/errors.js';
import { templateProblems, type TemplateBody } from '../../core/template/rules.js';
import { waitForTemplate } from '../../core/template/review.js';
import { t, type Lang } from '../../i18n/index.js';
import { printable, success } from '../../ui/format.js';
import { emitLine, formatFields, streaming } from '../../ui/render.js';
import { startSpinner } from '../../ui/spinner.js';
import type { GlobalOpts } from '../shared.js';

/** Exit 2 with every reason when Meta would reject the template; nothing is sent. */
export function assertValidTemplate(body: TemplateBody, lang: Lang, mode: 'create' | 'edit', who: string): void {
  const problems = templateProblems(body, { lang, mode });
  if (problems.length) {
    throw new YcpError('usage', t(lang, 'tpl.invalid', { who, problems: problems.join(t(lang, 'tpl.sep')) }), { hint: t(lang, 'tpl.invalidHint'), details: { problems } });
  }
}

export function templateFields(ctx: Ctx, lang: Lang, x: Template): string {
  const body = (x.components as { type?: string; text?: string }[] | undefined)?.find((c) => c?.type === 'BODY')?.text;
  return formatFields(ctx.io, [
    [t(lang, 'tpl.f.name'), x.name],
    [t(lang, 'tpl.f.language'), x.language],
    [t(lang, 'tpl.f.status'), x.status],
    [t(lang, 'tpl.f.category'), x.category],
    [t(lang, 'tpl.f.previousCategory'), x.previousCategory as string | undefined],
    [t(lang, 'tpl.f.reason'), x.reason],
    [t(lang, 'tpl.f.quality'), x.qualityRating],
    [t(lang, 'tpl.f.waba'), x.wabaId],
    [t(lang, 'tpl.f.body'), body],
  ]);
}

export interface FollowOptions extends GlobalOpts {
  wabaId: string;
  name: string;
  language: string;
  for: string;
  timeout: number;
  interval: number;
}

/** Waits for the review; prints NDJSON poll/done lines under --json, a spinner and one line otherwise. */
export async function followReview(ctx: Ctx, api: YcloudApi, lang: Lang, o: FollowOptions, first?: Template): Promise<Template> {
  const who = `${o.name} (${o.language})`;
  const deadline = flagDeadline(ctx.clock, o.timeout);
  const spin = startSpinner(ctx.io, t(lang, 'tpl.waiting', { who, wanted: o.for }), { json: o.json });
  const r = await streaming(
    ctx.io,
    o,
    () =>
      waitForTemplate(
        { api: api.within(deadline), clock: ctx.clock, signal: ctx.signal },
        {
          wabaId: o.wabaId, name: o.name, language: o.language, for: o.for, deadline, intervalMs: o.interval, lang, first,
          onPoll: (p) => {
            if (o.json) emitLine(ctx.io, { event: 'poll', name: o.name, language: o.language, status: p.status, polls: p.polls, elapsedMs: p.elapsedMs });
            spin.update(t(lang, 'tpl.waitingSeen', { who, wanted: o.for, elapsed: formatDuration(p.elapsedMs), status: p.status }));
          },
        },
      ),
    () => spin.stop(),
  );
  if (o.json) emitLine(ctx.io, { event: 'done', name: o.name, language: o.language, status: r.status, polls: r.polls, elapsedMs: r.elapsedMs, template: r.value });
  else {
    success(ctx.io, t(lang, 'tpl.reached', { who, status: printable(r.status), polls: r.polls, elapsed: formatDuration(r.elapsedMs) }));
    ctx.io.stdout.write(`${printable(o.name)}\t${printable(o.language)}\t${printable(r.status)}\n`);
  }
  return r.value;
}
