import type { Ctx } from '../../core/context.js';
import { YcpError, usageError } from '../../core/errors.js';
import { checkHttpUrl } from '../../core/validate.js';
import { selectTunnel } from '../../core/tunnel/select.js';
import type { TunnelKind } from '../../core/tunnel/tunnel.js';
import { EVENT_TYPES, WHATSAPP_EVENT_TYPES } from '../../core/webhook/event-types.js';
import { startWebhookListener, type WebhookListener } from '../../core/webhook/listener.js';
import { watchEndpointStatus, type EndpointWatch } from '../../core/webhook/watch.js';
import {
  currentHost, currentPid, deleteEndpointQuietly, forgetEndpoint, isLoopbackUrl, listenDescription, recordEndpoint,
} from '../../core/webhook/endpoints.js';
import { apiForCleanup } from '../../core/api/from-ctx.js';
import { mask, printable, say, success, warn } from '../../ui/format.js';
import type { GlobalOpts } from '../shared.js';
import { listenPrinter } from './listen-output.js';

export interface WebhookListenOptions extends GlobalOpts {
  forwardTo?: string;
  events?: string;
  tunnel: TunnelKind;
  publicUrl?: string;
  domain?: string;
  port: number;
  output?: string;
  keepEndpoint?: boolean;
  secret?: string[];
  tolerance: number;
  statusInterval: number;
}

export async function webhookListen(ctx: Ctx, o: WebhookListenOptions): Promise<void> {
  const events = parseEvents(o.events);
  const forwardTo = o.forwardTo ? checkHttpUrl('--forward-to', o.forwardTo) : undefined;
  const api = await ctx.api(); // no key → exit 4 before anything starts
  const secrets = [...(o.secret ?? [])];
  for (const s of secrets) ctx.io.secrets.add(s);
  const print = listenPrinter(ctx, o);
  let watch: EndpointWatch | undefined;
  const listener = await startWebhookListener({
    secrets: () => secrets,
    port: o.port,
    toleranceSeconds: o.tolerance,
    now: () => ctx.clock.now(),
    outputPath: o.output,
    forwardTo,
    dispatcher: forwardTo ? await ctx.dispatcher() : undefined,
    onEvent: (e) => print.event(e),
    onDuplicate: (id) => print.duplicate(id),
    onReject: (r) => (print.reject(r), watch?.nudge()),
    onForward: (r) => (print.forward(r, forwardTo!), r.status >= 300 && watch?.nudge()),
    onTimeout: (n, ms) => print.timeout(n, ms),
  });
  ctx.defer(() => listener.close());
  const loaded = listener.recorder?.loadedIds.length ?? 0;
  if (loaded) say(ctx.io, `${loaded} event(s) already in ${o.output}: they will not be recorded again`);

  const target = await publicUrlFor(ctx, o, listener, api.baseUrl);
  const marker = { host: currentHost(), pid: currentPid(), started: new Date(ctx.clock.now()).toISOString() };
  const endpoint = await api.createWebhookEndpoint({ url: target.url, enabledEvents: events, description: listenDescription(marker) });
  // The cleanup first: whatever fails from here on (even recording it for `webhook clean`), the
  // endpoint is removed (CLI.md §7).
  ctx.defer(() => finishEndpoint(ctx, endpoint.id, endpoint.url, marker.started, o.keepEndpoint));
  await recordEndpoint(ctx, { id: endpoint.id, url: endpoint.url, ...marker });
  if (endpoint.secret) {
    ctx.io.secrets.add(endpoint.secret);
    secrets.push(endpoint.secret); // memory only: never printed, never stored
  } else warn(ctx.io, `YCloud returned no secret for ${endpoint.id}: deliveries will be rejected unless --secret matches`);

  success(ctx.io, `Created webhook endpoint ${endpoint.id} for ${endpoint.url} (${events.length} event types, secret ${mask(endpoint.secret)})`);
  say(ctx.io, `Ready: ${target.via}; receiving on ${listener.url}${forwardTo ? `, forwarding to ${forwardTo}` : ''}${o.output ? `, recording to ${o.output}` : ''}. Press Ctrl-C to stop.`);

  const checks = api.perOperation(); // the run lasts hours: each check gets its own deadline
  watch = watchEndpointStatus({
    get: () => checks.getWebhookEndpoint(endpoint.id),
    clock: ctx.clock,
    signal: ctx.signal,
    intervalMs: o.statusInterval,
    onChange: (status) =>
      status === 'active'
        ? say(ctx.io, `endpoint ${endpoint.id} is active again`)
        : warn(ctx.io, `YCloud marks endpoint ${endpoint.id} as ${printable(String(status))}: it receives no events (an endpoint that fails often becomes pending)`),
    onError: (err) =>
      warn(ctx.io, err instanceof YcpError && err.info.code === 'NOT_FOUND'
        ? `endpoint ${endpoint.id} no longer exists at YCloud: no more events will arrive`
        : `could not check endpoint ${endpoint.id}: ${printable((err as Error).message)}`),
  });
  await new Promise<void>((resolve) => (ctx.signal.aborted ? resolve() : ctx.signal.addEventListener('abort', () => resolve(), { once: true })));
  await watch.done;
  const s = listener.stats;
  say(ctx.io, `Stopping: ${s.events} event(s), ${s.duplicates} duplicate(s), ${s.rejected} rejected${s.timedOut ? `, ${s.timedOut} timed out` : ''}${forwardTo ? `, ${s.forwardedOk} forwarded, ${s.forwardFailed} forward failure(s)` : ''}`);
  throw new YcpError('cancelled', 'stopped');
}

async function publicUrlFor(ctx: Ctx, o: WebhookListenOptions, listener: WebhookListener, baseUrl: string) {
  // The local sandbox may deliver to loopback (YCloud itself refuses private URLs, CONTRACT §5).
  if (!o.publicUrl && isLoopbackUrl(baseUrl) && (o.tunnel === 'auto' || o.tunnel === 'none')) {
    return { url: `${listener.url}/`, via: 'the API is on this machine, no tunnel needed' };
  }
  const { tunnel, reason } = await selectTunnel(ctx, { kind: o.tunnel, publicUrl: o.publicUrl, domain: o.domain });
  ctx.defer(() => tunnel.stop());
  const { url } = await tunnel.start(listener.port, ctx.signal);
  return { url, via: `${url} via ${tunnel.provider} (${reason})` };
}

async function finishEndpoint(ctx: Ctx, id: string, url: string, started: string, keep?: boolean): Promise<void> {
  const api = await apiForCleanup(ctx);
  if (keep) {
    // Drop the marker so `webhook clean` leaves it alone once this run is gone.
    await api.updateWebhookEndpoint(id, { description: `kept by ycp listen (started ${started})` });
    await forgetEndpoint(ctx, id);
    say(ctx.io, `Kept webhook endpoint ${id} (${url}); \`ycp webhook endpoint delete ${id}\` removes it`);
    return;
  }
  const r = await deleteEndpointQuietly(api, id);
  say(ctx.io, r === 'deleted' ? `Deleted webhook endpoint ${id} (${url})` : `Webhook endpoint ${id} was already gone`);
  await forgetEndpoint(ctx, id);
}

function parseEvents(list: string | undefined): string[] {
  if (!list) return [...WHATSAPP_EVENT_TYPES];
  const events = [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))];
  for (const e of events) {
    if (!(EVENT_TYPES as readonly string[]).includes(e)) throw usageError(`--events: unknown event type "${e}"`, 'see `ycp webhook trigger --list`');
    // CONTRACT §5: this type needs eventProperties, which listen does not ask for.
    if (e === 'contact.attributes_changed') throw usageError('--events: contact.attributes_changed needs eventProperties; create that endpoint with `ycp webhook endpoint create`');
  }
  if (!events.length) throw usageError('--events is empty');
  return events;
}
