import type { Ctx } from '../../../core/context.js';
import { usageError } from '../../../core/errors.js';
import { checkHttpUrl } from '../../../core/validate.js';
import { EVENT_TYPES, WHATSAPP_EVENT_TYPES } from '../../../core/webhook/event-types.js';
import { success } from '../../../ui/format.js';
import type { GlobalOpts } from '../../shared.js';
import { renderEndpoint } from './output.js';

export interface EndpointCreateOptions extends GlobalOpts {
  url: string;
  events?: string;
  event?: string[];
  description?: string;
  showSecret?: boolean;
}

export async function webhookEndpointCreate(ctx: Ctx, o: EndpointCreateOptions): Promise<void> {
  const url = checkHttpUrl('url', o.url);
  if (url.length > 500) throw usageError('the URL is longer than 500 characters (CONTRACT §5)');
  if (o.description && o.description.length > 400) throw usageError('--description is longer than 400 characters');
  const listed = [...(o.events?.split(',') ?? []), ...(o.event ?? [])].map((s) => s.trim()).filter(Boolean);
  const events = listed.length ? [...new Set(listed)] : [...WHATSAPP_EVENT_TYPES];
  for (const e of events) if (!(EVENT_TYPES as readonly string[]).includes(e)) throw usageError(`unknown event type "${e}"`, 'see `ycp webhook trigger --list`');
  if (events.includes('contact.attributes_changed')) throw usageError('contact.attributes_changed needs eventProperties, which this command does not set');
  const api = await ctx.api();
  const e = await api.createWebhookEndpoint({ url, enabledEvents: events, ...(o.description ? { description: o.description } : {}) });
  if (!o.json) success(ctx.io, `Created webhook endpoint ${e.id}`);
  renderEndpoint(ctx, o, e);
}
