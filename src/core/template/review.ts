// Following a template through Meta's review (`template wait`, `template create --wait`) and checking a
// WABA's templates as a CI gate (`template check`). Review can take up to 24 h (CONTRACT §10); statuses
// that cannot turn into the wanted one end the wait at once, with Meta's reason.
import type { YcloudApi } from '../api/client.js';
import type { Template } from '../api/types.js';
import type { Clock } from '../clock.js';
import type { Deadline } from '../deadline.js';
import { formatDuration } from '../duration.js';
import { YcpError } from '../errors.js';
import { pollUntil, type Poll } from '../poll-until.js';
import { t, type Lang } from '../../i18n/index.js';

/** Statuses a template does not leave on its own (a person appeals, edits or reinstates it). */
export const SETTLED_TEMPLATE_STATUSES = new Set(['REJECTED', 'DISABLED', 'PAUSED', 'ARCHIVED', 'DELETED']);

export interface TemplateWaitOptions {
  wabaId: string;
  name: string;
  language: string;
  for: string;
  deadline: Deadline;
  intervalMs: number;
  lang: Lang;
  /** A reading already in hand (the template just created). */
  first?: Template;
  onPoll?(p: Poll<Template>): void;
}

export async function waitForTemplate(ctx: { api: Pick<YcloudApi, 'getTemplate'>; clock: Clock; signal: AbortSignal }, o: TemplateWaitOptions): Promise<Poll<Template>> {
  const who = `${o.name} (${o.language})`;
  return pollUntil<Template>({
    clock: ctx.clock,
    signal: ctx.signal,
    deadline: o.deadline,
    intervalMs: o.intervalMs,
    first: o.first,
    read: () => ctx.api.getTemplate(o.wabaId, o.name, o.language),
    status: (tpl) => String(tpl?.status ?? 'UNKNOWN'),
    done: (p) => p.status === o.for,
    onPoll: o.onPoll,
    hopeless: (p) =>
      SETTLED_TEMPLATE_STATUSES.has(p.status)
        ? new YcpError('pending', t(o.lang, p.value.reason ? 'tpl.settledReason' : 'tpl.settled', { who, status: p.status, reason: p.value.reason ?? '', wanted: o.for }), {
            code: p.status,
            hint: t(o.lang, p.status === 'REJECTED' ? 'tpl.rejectedHint' : 'tpl.settledHint', { waba: o.wabaId, name: o.name, language: o.language }),
            details: { status: p.status, reason: p.value.reason, polls: p.polls, elapsedMs: p.elapsedMs },
          })
        : undefined,
    stillNot: (p, cause) =>
      new YcpError('pending', t(o.lang, 'tpl.stillNot', { who, status: p.status, wanted: o.for, elapsed: formatDuration(p.elapsedMs) }), {
        hint: t(o.lang, 'tpl.waitLonger', { waba: o.wabaId, name: o.name, language: o.language }),
        details: { status: p.status, polls: p.polls, elapsedMs: p.elapsedMs },
        cause,
      }),
  });
}

export interface TemplateRow {
  name: string;
  language: string;
  status: string;
  category?: string;
  reason?: string;
  ok: boolean;
}

export interface TemplateCheckReport {
  wabaId: string;
  expect: string;
  checked: number;
  ok: boolean;
  templates: TemplateRow[];
  offenders: TemplateRow[];
}

/**
 * CI gate: every template of the WABA (or every language of each name given) must be in `expect`. A name
 * given that does not exist is an offender (NOT_FOUND). One list read, whatever the count.
 */
export async function checkTemplates(api: Pick<YcloudApi, 'listTemplates'>, o: { wabaId: string; expect: string; names: string[] }): Promise<TemplateCheckReport> {
  const all = await api.listTemplates({ wabaId: o.wabaId });
  const row = (x: Template): TemplateRow => {
    const status = String(x.status ?? 'UNKNOWN');
    return { name: x.name, language: x.language, status, category: x.category, reason: x.reason, ok: status === o.expect };
  };
  const wanted = [...new Set(o.names)];
  const templates = wanted.length
    ? wanted.flatMap((name) => {
        const found = all.filter((x) => x.name === name);
        return found.length ? found.map(row) : [{ name, language: '', status: 'NOT_FOUND', ok: false }];
      })
    : all.map(row);
  const offenders = templates.filter((r) => !r.ok);
  return { wabaId: o.wabaId, expect: o.expect, checked: templates.length, ok: offenders.length === 0 && templates.length > 0, templates, offenders };
}
