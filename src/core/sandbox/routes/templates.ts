// Templates (CONTRACT §10): list with filter.wabaId / status (comma-separated) / name / language; create,
// retrieve, edit and delete by name (and language). Bodies are checked against the contract's schemas,
// plus the name rule Meta applies; a new or edited template goes to review (reviews.ts).
import { TEMPLATE_NAME_RE } from '../../api/contract/templates.js';
import type { Template } from '../../api/types.js';
import { digitsParam, requireBody, type Body } from '../check.js';
import { checkContractBody } from '../contract-check.js';
import { SandboxError, invalid, notFound, pageOf, pageParams } from '../http.js';
import { scheduleTemplateReview } from '../reviews.js';
import { route, type Route } from '../router.js';
import type { World } from '../world.js';
import { findWaba } from './account.js';

export const TEMPLATE_STATUSES = ['PENDING', 'REJECTED', 'APPROVED', 'PAUSED', 'DISABLED', 'ARCHIVED', 'IN_APPEAL', 'DELETED'];
/** Meta edits only settled templates; one in review cannot change (YCloud: WHATSAPP_TEMPLATE_UNEDITABLE). */
const EDITABLE = new Set(['APPROVED', 'REJECTED', 'PAUSED']);

export const templateRoutes: Route[] = [
  route('GET', '/whatsapp/templates', ({ w, query }) => {
    const p = pageParams(query);
    const waba = query.get('filter.wabaId');
    if (waba !== null) digitsParam('filter.wabaId', waba);
    const statusRaw = query.get('filter.status');
    const statuses = statusRaw === null ? undefined : statusRaw.split(',').map((s) => s.trim()).filter(Boolean);
    for (const s of statuses ?? []) {
      if (!TEMPLATE_STATUSES.includes(s)) throw invalid('filter.status', `filter.status has an unknown status "${s.slice(0, 30)}"; use ${TEMPLATE_STATUSES.join(', ')}`);
    }
    const name = query.get('filter.name');
    if (name !== null && (name.length === 0 || name.length > 512)) throw invalid('filter.name', 'filter.name must be 1 to 512 characters');
    const language = query.get('filter.language');
    const all = w.data.templates.filter(
      (t) =>
        (waba === null || t.wabaId === waba) &&
        (!statuses?.length || statuses.includes(String(t.status))) &&
        (name === null || t.name === name) &&
        (language === null || t.language === language),
    );
    return { body: pageOf(all, p) };
  }),
  route('POST', '/whatsapp/templates', async ({ w, body }) => {
    const b = requireBody(await body());
    checkContractBody('WhatsappTemplateCreateRequest', b);
    const waba = findWaba(w, b.wabaId as string);
    if (!TEMPLATE_NAME_RE.test(b.name as string)) throw invalid('name', 'name must be lowercase letters, digits and underscores');
    if (w.data.templates.some((t) => t.wabaId === waba.id && t.name === b.name && t.language === b.language)) {
      throw new SandboxError(409, 'ALREADY_EXISTS', `template ${String(b.name)} (${String(b.language)}) already exists in WABA ${waba.id}`);
    }
    const now = w.iso();
    const tpl: Template = {
      wabaId: waba.id!,
      name: b.name as string,
      language: b.language as string,
      category: b.category as string,
      ...(b.subCategory !== undefined ? { subCategory: b.subCategory } : {}),
      ...(b.messageSendTtlSeconds !== undefined ? { messageSendTtlSeconds: b.messageSendTtlSeconds } : {}),
      components: structuredClone(b.components as unknown[]),
      status: 'PENDING',
      officialTemplateId: String(Math.floor(w.now() % 1e12)).padStart(15, '1'),
      createTime: now,
      updateTime: now,
    };
    w.data.templates.push(tpl);
    scheduleTemplateReview(w, tpl);
    return { body: tpl };
  }),
  route('GET', '/whatsapp/templates/:wabaId/:name/:language', ({ w, params }) => ({ body: find(w, params) })),
  route('PATCH', '/whatsapp/templates/:wabaId/:name/:language', async ({ w, params, body }) => {
    const tpl = find(w, params);
    const b: Body = requireBody(await body());
    checkContractBody('WhatsappTemplateEditRequest', b);
    if (!EDITABLE.has(String(tpl.status))) {
      throw new SandboxError(403, 'WHATSAPP_TEMPLATE_UNEDITABLE', `template ${tpl.name} (${tpl.language}) is ${tpl.status}; only APPROVED, REJECTED or PAUSED templates can be edited`);
    }
    tpl.components = structuredClone(b.components as unknown[]);
    if (b.messageSendTtlSeconds !== undefined) tpl.messageSendTtlSeconds = b.messageSendTtlSeconds as number;
    tpl.status = 'PENDING';
    delete tpl.reason;
    tpl.updateTime = w.iso();
    scheduleTemplateReview(w, tpl);
    return { body: tpl };
  }),
  route('DELETE', '/whatsapp/templates/:wabaId/:name', ({ w, params }) => {
    const waba = findWaba(w, params.wabaId!);
    const gone = w.data.templates.filter((t) => t.wabaId === waba.id && t.name === params.name);
    if (!gone.length) throw notFound(`template ${params.name} in WABA ${waba.id}`);
    w.data.templates = w.data.templates.filter((t) => !gone.includes(t));
    w.changed();
    return { body: gone.map((t) => ({ ...t, status: 'DELETED' })) };
  }),
  route('DELETE', '/whatsapp/templates/:wabaId/:name/:language', ({ w, params }) => {
    const tpl = find(w, params);
    w.data.templates = w.data.templates.filter((t) => t !== tpl);
    w.changed();
    return { body: { ...tpl, status: 'DELETED' } };
  }),
];

function find(w: World, p: Record<string, string>): Template {
  const waba = findWaba(w, p.wabaId!);
  const tpl = w.data.templates.find((t) => t.wabaId === waba.id && t.name === p.name && t.language === p.language);
  if (!tpl) throw notFound(`template ${p.name} (${p.language}) in WABA ${waba.id}`);
  return tpl;
}
