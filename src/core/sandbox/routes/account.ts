// Balance and WhatsApp Business Accounts (CONTRACT §4, §6).
import { digitsParam, oneOf } from '../check.js';
import { notFound, pageOf, pageParams } from '../http.js';
import { route, type Route } from '../router.js';
import type { World } from '../world.js';

const REVIEW = ['PENDING', 'APPROVED', 'REJECTED'] as const;

export function findWaba(w: World, id: string) {
  const waba = w.data.wabas.find((x) => x.id === digitsParam('wabaId', id));
  if (!waba) throw notFound(`WhatsApp Business Account ${id}`);
  return waba;
}

export const accountRoutes: Route[] = [
  route('GET', '/balance', ({ w }) => ({ body: w.data.balance })),
  route('GET', '/whatsapp/businessAccounts', ({ w, query }) => {
    const p = pageParams(query);
    const review = oneOf('filter.accountReviewStatus', query.get('filter.accountReviewStatus') ?? undefined, REVIEW);
    const all = w.data.wabas.filter((x) => !review || x.accountReviewStatus === review);
    return { body: pageOf(all, p) };
  }),
  route('GET', '/whatsapp/businessAccounts/:id', ({ w, params }) => {
    const waba = w.data.wabas.find((x) => x.id === digitsParam('id', params.id!));
    if (!waba) throw notFound(`WhatsApp Business Account ${params.id}`);
    return { body: waba };
  }),
];
