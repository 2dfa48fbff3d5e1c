// Webhook endpoints (CONTRACT §5): at most 20, `whsec_` secrets, status active|disabled|pending.
// Sandbox difference: loopback and private URLs are accepted, so local receivers work without a tunnel.
import type { WebhookEndpoint } from '../../api/types.js';
import { EVENT_TYPES } from '../../webhook/event-types.js';
import { array, oneOf, requireBody, str, type Body } from '../check.js';
import { SandboxError, invalid, notFound, pageOf, pageParams } from '../http.js';
import { endpointId, webhookSecret } from '../ids.js';
import { route, type Route } from '../router.js';
import { MAX_ENDPOINTS, type World } from '../world.js';

const STATUSES = ['active', 'disabled', 'pending'] as const;

export const webhookRoutes: Route[] = [
  route('GET', '/webhookEndpoints', ({ w, query }) => ({ body: pageOf(w.data.endpoints, pageParams(query)) })),
  route('POST', '/webhookEndpoints', async ({ w, body }) => {
    const b = requireBody(await body());
    const fields = checkFields(b, true);
    if (w.data.endpoints.length >= MAX_ENDPOINTS) {
      throw new SandboxError(400, 'BAD_REQUEST', `an account can have at most ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
    }
    const now = w.iso();
    const ep: WebhookEndpoint = { id: endpointId(), url: '', status: 'active', ...fields, secret: webhookSecret(), createTime: now, updateTime: now };
    w.data.endpoints.push(ep);
    w.changed();
    return { body: ep };
  }),
  route('GET', '/webhookEndpoints/:id', ({ w, params }) => ({ body: find(w, params.id!) })),
  route('PATCH', '/webhookEndpoints/:id', async ({ w, params, body }) => {
    const ep = find(w, params.id!);
    const fields = checkFields(requireBody(await body()), false);
    Object.assign(ep, fields, { updateTime: w.iso() });
    w.changed();
    return { body: ep };
  }),
  route('DELETE', '/webhookEndpoints/:id', ({ w, params }) => {
    const ep = find(w, params.id!);
    w.data.endpoints = w.data.endpoints.filter((e) => e !== ep);
    w.changed();
    return { body: ep };
  }),
  route('POST', '/webhookEndpoints/:id/rotateSecret', ({ w, params }) => {
    const ep = find(w, params.id!);
    // The old secret stops working at once: YCloud documents no grace period (CONTRACT §12).
    ep.secret = webhookSecret();
    ep.updateTime = w.iso();
    w.changed();
    return { body: ep };
  }),
];

function find(w: World, id: string): WebhookEndpoint {
  const ep = w.data.endpoints.find((e) => e.id === id);
  if (!ep) throw notFound(`webhook endpoint ${id}`);
  return ep;
}

/** Mirrors WebhookEndpointCreateRequest / WebhookEndpointUpdateRequest. */
function checkFields(b: Body, create: boolean): Partial<WebhookEndpoint> {
  const out: Partial<WebhookEndpoint> = {};
  const url = str(b, 'url', 'url', { required: create, max: 500 });
  if (url !== undefined) {
    let u: URL | undefined;
    try {
      u = new URL(url);
    } catch {
      u = undefined;
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) throw invalid('url', 'url must be an http(s) URL');
    out.url = url;
  }
  const events = array(b, 'enabledEvents', 'enabledEvents', create);
  if (events !== undefined) {
    if (create && events.length === 0) throw invalid('enabledEvents', 'enabledEvents must name at least one event type');
    events.forEach((e, i) => {
      if (typeof e !== 'string' || !EVENT_TYPES.includes(e as never)) throw invalid(`enabledEvents[${i}]`, `enabledEvents[${i}] is not a known event type`);
    });
    out.enabledEvents = [...new Set(events as string[])];
  }
  const props = array(b, 'eventProperties', 'eventProperties');
  props?.forEach((p, i) => {
    const t = `eventProperties[${i}]`;
    if (!p || typeof p !== 'object' || Array.isArray(p)) throw invalid(t, `${t} must be an object`);
    str(p as Body, 'event', `${t}.event`, { required: true });
    const list = array(p as Body, 'properties', `${t}.properties`, true)!;
    if (!list.length || list.some((x) => typeof x !== 'string')) throw invalid(`${t}.properties`, `${t}.properties must be a non-empty list of strings`);
  });
  if (props) out.eventProperties = props;
  if (out.enabledEvents?.includes('contact.attributes_changed') && !props?.length) {
    throw new SandboxError(400, 'PARAM_MISSING', 'eventProperties is required when enabledEvents has contact.attributes_changed', { target: 'eventProperties' });
  }
  const description = str(b, 'description', 'description', { max: 400 });
  if (description !== undefined) out.description = description;
  const status = oneOf('status', str(b, 'status'), STATUSES);
  if (status !== undefined) out.status = status;
  return out;
}
