// Templates (CONTRACT §10): list with filter.wabaId / status (comma-separated) / name / language.
import { digitsParam } from '../check.js';
import { invalid, pageOf, pageParams } from '../http.js';
import { route, type Route } from '../router.js';

export const TEMPLATE_STATUSES = ['PENDING', 'REJECTED', 'APPROVED', 'PAUSED', 'DISABLED', 'ARCHIVED', 'IN_APPEAL', 'DELETED'];

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
];
