import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { LINK_TARGETS, findLink } from '../../core/links.js';
import { editDistance } from '../../core/edit-distance.js';
import { checkDigits } from '../../core/validate.js';
import { t } from '../../i18n/index.js';
import { say, warn } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import { formatTable } from '../../ui/table.js';
import type { GlobalOpts } from '../shared.js';

export async function openTarget(ctx: Ctx, o: GlobalOpts & { target?: string; list?: boolean; print?: boolean; business?: string }): Promise<void> {
  const cfg = await ctx.config();
  const lang = cfg.lang;
  const ids = { appId: cfg.get('appId'), businessId: o.business === undefined ? undefined : checkDigits('--business', o.business) };
  if (o.list || !o.target) {
    if (!o.list) throw usageError(t(lang, 'open.needTarget'), t(lang, 'open.seeList'));
    const rows = LINK_TARGETS.map((l) => ({ target: l.name, url: l.url(ids).url, evidence: l.evidence, title: t(lang, l.title) }));
    return render(ctx.io, o, rows, (r) =>
      formatTable(ctx.io, r, [
        { header: t(lang, 'open.h.target'), get: (x) => x.target },
        { header: t(lang, 'open.h.evidence'), get: (x) => t(lang, `open.e.${x.evidence}`) },
        { header: t(lang, 'open.h.url'), get: (x) => x.url },
        { header: t(lang, 'open.h.title'), get: (x) => x.title },
      ], ctx.clock.now()),
    );
  }
  const link = findLink(o.target);
  if (!link) {
    const near = [...LINK_TARGETS].sort((a, b) => editDistance(o.target!, a.name) - editDistance(o.target!, b.name))[0]!;
    throw new YcpError('usage', t(lang, 'open.unknown', { target: o.target }), { hint: t(lang, 'open.didYouMean', { target: near.name }) });
  }
  const { url, needs } = link.url(ids);
  if (needs && !o.json) warn(ctx.io, t(lang, 'open.needsAppId'));
  if (link.where && !o.json) say(ctx.io, t(lang, link.where));
  const doc = { target: link.name, url, evidence: link.evidence, opened: false };
  // A browser only for a person at a terminal (CLI.md §6: never in CI); the URL is printed either way.
  if (o.print || o.json || !ctx.io.stdoutTTY || ctx.io.ci) return render(ctx.io, o, doc, () => url);
  say(ctx.io, t(lang, 'open.opening', { url }));
  try {
    await ctx.spawn.openUrl(url);
  } catch (err) {
    warn(ctx.io, t(lang, 'open.failed', { reason: (err as Error).message }));
    ctx.io.stdout.write(`${url}\n`);
  }
}
