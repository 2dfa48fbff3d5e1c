// Unsubscribers (opt-outs): the one cursor-paged list of the spec (CONTRACT §3). The list answers the
// usual page fields and, while more items follow, `cursor.after`; `pageAfter=<that>` asks for the next
// page (page is then ignored). A customer and a channel identify an unsubscriber.
import type { Unsubscriber } from '../types.js';
import { e164Param, oneOf, requireBody } from '../check.js';
import { checkContractBody } from '../contract-check.js';
import { SandboxError, invalid, notFound, pageOf, pageParams } from '../http.js';
import { route, type Route } from '../router.js';
import type { World } from '../world.js';

const CHANNELS = ['whatsapp'] as const;
const cursorOf = (u: Unsubscriber) => `id:${u.customer}:${u.channel}`;

export const unsubscriberRoutes: Route[] = [
  route('GET', '/unsubscribers', ({ w, query }) => {
    const p = pageParams(query);
    const customer = query.get('filter.customer');
    const channel = oneOf('filter.channel', query.get('filter.channel') ?? undefined, CHANNELS);
    const region = query.get('filter.regionCode');
    const all = w.data.unsubscribers.filter(
      (u) => (customer === null || u.customer === customer) && (!channel || u.channel === channel) && (region === null || u.regionCode === region),
    );
    const after = query.get('pageAfter');
    let start: number | undefined;
    if (after !== null) {
      const i = all.findIndex((u) => cursorOf(u) === after);
      if (i < 0) throw invalid('pageAfter', `pageAfter "${after.slice(0, 60)}" is not a cursor of this list`);
      start = i + 1;
    }
    const page = pageOf(all, p, start);
    const more = page.offset + page.length < all.length;
    return { body: { ...page, ...(more && page.length ? { cursor: { after: cursorOf(page.items.at(-1)!) } } : {}) } };
  }),
  route('POST', '/unsubscribers', async ({ w, body }) => {
    const b = requireBody(await body());
    checkContractBody('UnsubscriberCreateRequest', b);
    const customer = e164Param('customer', b.customer as string);
    if (w.data.unsubscribers.some((u) => u.customer === customer && u.channel === b.channel)) {
      throw new SandboxError(409, 'ALREADY_EXISTS', `${customer} has already unsubscribed from ${String(b.channel)}`);
    }
    const u: Unsubscriber = { type: 'PHONE_NUMBER', customer, channel: 'whatsapp', ...(typeof b.regionCode === 'string' ? { regionCode: b.regionCode } : {}), source: 'API', createTime: w.iso() };
    w.data.unsubscribers.push(u);
    w.changed();
    return { body: u };
  }),
  route('GET', '/unsubscribers/:customer', ({ w, params }) => ({ body: w.data.unsubscribers.filter((u) => u.customer === params.customer) })),
  route('GET', '/unsubscribers/:customer/:channel', ({ w, params }) => ({ body: find(w, params.customer!, params.channel!) })),
  route('DELETE', '/unsubscribers/:customer/:channel', ({ w, params }) => {
    const u = find(w, params.customer!, params.channel!);
    w.data.unsubscribers = w.data.unsubscribers.filter((x) => x !== u);
    w.changed();
    return { body: u };
  }),
];

function find(w: World, customer: string, channel: string): Unsubscriber {
  oneOf('channel', channel, CHANNELS);
  const u = w.data.unsubscribers.find((x) => x.customer === customer && x.channel === channel);
  if (!u) throw notFound(`unsubscriber ${customer} (${channel})`);
  return u;
}
