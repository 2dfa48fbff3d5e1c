// `webhook listen` without the printing: local receiver → public URL (a tunnel, or none against a local
// API) → a marked temporary endpoint at YCloud → verify, record, forward each delivery until Ctrl-C → the
// endpoint deleted (or kept). Each resource registers its cleanup in the step that acquires it
// (ARCHITECTURE §7); what happens is reported as ListenEvents, which the command renders.
import type { Ctx } from '../context.js';
import { msg, type Msg } from '../../i18n/index.js';
import { YcpError } from '../errors.js';
import { apiClient } from '../api/from-ctx.js';
import { exposePort } from '../tunnel/select.js';
import type { TunnelKind } from '../tunnel/tunnel.js';
import { startWebhookListener, type ForwardResult, type ListenerStats, type Rejection, type WebhookEvent, type WebhookListener } from './listener.js';
import { watchEndpointStatus, type EndpointWatch } from './watch.js';
import { currentHost, currentPid, deleteEndpointQuietly, forgetEndpoint, listenDescription, recordEndpoint } from './endpoints.js';
import { isLoopback } from '../validate.js';

export interface ListenOptions {
  /** Event types the endpoint subscribes to (already checked). */
  events: string[];
  /** Checked http(s) URL of the partner's app. */
  forwardTo?: string;
  /** The profile's forwarding secret: forwarded events are signed again with it (forwarding-secret.ts). */
  forwardSecret?: string;
  tunnel: TunnelKind;
  publicUrl?: string;
  domain?: string;
  port: number;
  output?: string;
  keepEndpoint?: boolean;
  /** Extra secrets to accept besides the endpoint's own (e.g. for `webhook trigger --secret`). */
  secrets: string[];
  toleranceSeconds: number;
  statusIntervalMs: number;
}

export type ListenEvent =
  | { type: 'loaded'; count: number; file: string }
  /** `secret` is the endpoint's signing secret: render it masked, never in full. */
  | { type: 'endpoint-created'; id: string; url: string; eventCount: number; secret?: string }
  | { type: 'ready'; via: Msg; localUrl: string; forwardTo?: string; output?: string }
  | { type: 'event'; event: WebhookEvent }
  | { type: 'duplicate'; id: string }
  | { type: 'rejected'; rejection: Rejection }
  | { type: 'forwarded'; result: ForwardResult; to: string }
  /** Requests that did not send their whole body in time were closed (408); reported at most once a second. */
  | { type: 'timed-out'; count: number; timeoutMs: number }
  | { type: 'endpoint-status'; id: string; status: string }
  | { type: 'endpoint-unreachable'; id: string; gone: boolean; error: unknown }
  | { type: 'stopping'; stats: ListenerStats; forwarding: boolean }
  | { type: 'endpoint-kept'; id: string; url: string }
  | { type: 'endpoint-deleted'; id: string; url: string; already: boolean };

/** Receives until ctx.signal aborts (Ctrl-C, SIGTERM); resolves with the counts once the endpoint watch has ended. */
export async function listenForWebhooks(ctx: Ctx, o: ListenOptions, emit: (e: ListenEvent) => void): Promise<ListenerStats> {
  const api = await ctx.api(); // no key → exit 4 before anything starts
  const secrets = [...o.secrets];
  for (const s of secrets) ctx.io.secrets.add(s); // masked wherever they would be echoed
  let watch: EndpointWatch | undefined;
  const listener = await startWebhookListener({
    secrets: () => secrets,
    port: o.port,
    toleranceSeconds: o.toleranceSeconds,
    now: () => ctx.clock.now(),
    outputPath: o.output,
    forwardTo: o.forwardTo,
    forwardSecret: o.forwardSecret,
    dispatcher: o.forwardTo ? await ctx.dispatcher() : undefined,
    onEvent: (event) => emit({ type: 'event', event }),
    onDuplicate: (id) => emit({ type: 'duplicate', id }),
    onReject: (rejection) => (emit({ type: 'rejected', rejection }), watch?.nudge()),
    onForward: (result) => (emit({ type: 'forwarded', result, to: o.forwardTo! }), result.status >= 300 && watch?.nudge()),
    onTimeout: (count, timeoutMs) => emit({ type: 'timed-out', count, timeoutMs }),
  });
  ctx.defer(() => listener.close());
  const loaded = listener.recorder?.loadedIds.length ?? 0;
  if (loaded && o.output) emit({ type: 'loaded', count: loaded, file: o.output });

  const target = await publicUrlFor(ctx, o, listener, api.baseUrl);
  const marker = { host: currentHost(), pid: currentPid(), started: new Date(ctx.clock.now()).toISOString() };
  const endpoint = await api.createWebhookEndpoint({ url: target.url, enabledEvents: o.events, description: listenDescription(marker) });
  // The cleanup first: whatever fails from here on (even recording it for `webhook clean`), the
  // endpoint is removed (CLI.md §7).
  ctx.defer(() => finishEndpoint(ctx, endpoint.id, endpoint.url, marker.started, emit, o.keepEndpoint));
  await recordEndpoint(ctx, { id: endpoint.id, url: endpoint.url, ...marker });
  if (endpoint.secret) {
    ctx.io.secrets.add(endpoint.secret);
    secrets.push(endpoint.secret); // memory only: never printed in full, never stored
  }
  emit({ type: 'endpoint-created', id: endpoint.id, url: endpoint.url, eventCount: o.events.length, secret: endpoint.secret });
  emit({ type: 'ready', via: target.via, localUrl: listener.url, forwardTo: o.forwardTo, output: o.output });

  const checks = api.perOperation(); // the run lasts hours: each check gets its own deadline
  watch = watchEndpointStatus({
    get: () => checks.getWebhookEndpoint(endpoint.id),
    clock: ctx.clock,
    signal: ctx.signal,
    intervalMs: o.statusIntervalMs,
    onChange: (status) => emit({ type: 'endpoint-status', id: endpoint.id, status }),
    onError: (error) => emit({ type: 'endpoint-unreachable', id: endpoint.id, gone: error instanceof YcpError && error.info.code === 'NOT_FOUND', error }),
  });
  await new Promise<void>((resolve) => (ctx.signal.aborted ? resolve() : ctx.signal.addEventListener('abort', () => resolve(), { once: true })));
  await watch.done;
  emit({ type: 'stopping', stats: listener.stats, forwarding: Boolean(o.forwardTo) });
  return listener.stats;
}

async function publicUrlFor(ctx: Ctx, o: ListenOptions, listener: WebhookListener, baseUrl: string) {
  // The local sandbox may deliver to loopback (YCloud itself refuses private URLs, CONTRACT §5).
  const t = await exposePort(ctx, { kind: o.tunnel, publicUrl: o.publicUrl, domain: o.domain }, listener.port, isLoopback(baseUrl));
  if (!t) return { url: `${listener.url}/`, via: msg('wh.viaLocal') };
  return { url: t.url, via: msg('wh.viaTunnel', { url: t.url, provider: t.tunnel.provider, why: t.why }) };
}

async function finishEndpoint(ctx: Ctx, id: string, url: string, started: string, emit: (e: ListenEvent) => void, keep?: boolean): Promise<void> {
  const api = await apiClient(ctx, { purpose: 'cleanup' });
  if (keep) {
    // Drop the marker so `webhook clean` leaves it alone once this run is gone.
    await api.updateWebhookEndpoint(id, { description: `kept by ycp listen (started ${started})` });
    await forgetEndpoint(ctx, id);
    emit({ type: 'endpoint-kept', id, url });
    return;
  }
  const r = await deleteEndpointQuietly(api, id);
  emit({ type: 'endpoint-deleted', id, url, already: r === 'gone' });
  await forgetEndpoint(ctx, id);
}
