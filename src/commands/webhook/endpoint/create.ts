import type { Ctx } from '../../../core/context.js';
import { usageError } from '../../../core/errors.js';
import { checkWebhookUrl } from '../../../core/validate.js';
import { EVENT_TYPES, WHATSAPP_EVENT_TYPES } from '../../../core/webhook/event-types.js';
import { msg, t } from '../../../i18n/index.js';
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
  // https on a public host: YCloud delivers nowhere else (only the local sandbox takes local URLs).
  const url = checkWebhookUrl(o.url, (await ctx.config()).get('baseUrl')!);
  if (url.length > 500) throw usageError(msg('hooks.urlTooLong'));
  if (o.description && o.description.length > 400) throw usageError(msg('hooks.descriptionTooLong'));
  const listed = [...(o.events?.split(',') ?? []), ...(o.event ?? [])].map((s) => s.trim()).filter(Boolean);
  const events = listed.length ? [...new Set(listed)] : [...WHATSAPP_EVENT_TYPES];
  for (const e of events) if (!(EVENT_TYPES as readonly string[]).includes(e)) throw usageError(msg('hooks.unknownEvent', { event: e }), msg('hooks.unknownEventHint'));
  if (events.includes('contact.attributes_changed')) throw usageError(msg('hooks.needsProperties'));
  const api = await ctx.api();
  const e = await api.createWebhookEndpoint({ url, enabledEvents: events, ...(o.description ? { description: o.description } : {}) });
  if (!o.json) success(ctx.io, t(ctx.io.lang, 'hooks.created', { id: e.id }));
  renderEndpoint(ctx, o, e);
}
