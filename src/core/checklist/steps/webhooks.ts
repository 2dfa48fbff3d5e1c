// Step 7 (guide step 7): the production webhook endpoint, subscribed to every `whatsapp.*` event type
// of the spec, found or created, then verified to exist and be active.
import type { WebhookEndpoint } from '../../api/types.js';
import { WHATSAPP_EVENT_TYPES } from '../../webhook/event-types.js';
import { msg, type Msg, type MsgKey } from '../../../i18n/index.js';
import { LINKS } from '../facts.js';
import type { EvalInput, Evaluation, ItemEval } from '../types.js';
import type { Wizard } from '../wizard.js';
import { earlierItem, settle, verifiedEarlier, type StepDef } from './step.js';

// Not the marker `webhook clean` looks for: this endpoint is permanent and must survive a clean-up.
export const PRODUCTION_DESCRIPTION = 'Production webhook endpoint (partner onboarding)';

export function sameUrl(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  try {
    return new URL(a).toString() === new URL(b).toString();
  } catch {
    return a === b;
  }
}

export function missingEvents(e: WebhookEndpoint): string[] {
  const have = new Set(e.enabledEvents ?? []);
  return WHATSAPP_EVENT_TYPES.filter((t) => !have.has(t));
}

function pick(endpoints: WebhookEndpoint[], url: string | undefined, recordedId: string | undefined): WebhookEndpoint | undefined {
  if (url) return endpoints.find((e) => sameUrl(e.url, url));
  return endpoints.find((e) => e.id === recordedId) ?? endpoints.find((e) => missingEvents(e).length === 0 && e.status === 'active');
}

function problem(e: WebhookEndpoint): Msg | undefined {
  if (e.status !== 'active') return msg('s7.inactive', { id: e.id, status: e.status ?? msg('ev.unknown') });
  const missing = missingEvents(e);
  if (missing.length) return msg('s7.missing', { id: e.id, count: missing.length });
  return undefined;
}

function evaluateWebhooks(i: EvalInput): Evaluation {
  const { progress, snap, webhookUrl } = i;
  const r = progress.steps.webhooks;
  const item = (kind: ItemEval['kind'], extra: Partial<ItemEval> = {}): ItemEval[] => [{ id: 'webhook-endpoint', kind, verifiable: true, ...extra }];
  if (!snap.endpoints) {
    const reason = snap.key.state === 'missing' ? msg('ev.keyMissing') : msg('ev.unreachable', { reason: snap.problem ?? snap.key.reason ?? '' });
    const earlier = r?.verifiedAt;
    return earlier !== undefined
      ? settle(i, [earlierItem('webhook-endpoint', earlier)], { seen: [verifiedEarlier(earlier, reason)] })
      : settle(i, item('todo'), { seen: [reason], blocker: msg('bl.webhook') });
  }
  const e = pick(snap.endpoints, webhookUrl, r?.data?.endpointId);
  if (!e) return settle(i, item('todo'), { seen: [msg('ev.noEndpoint')], blocker: webhookUrl ? msg('s7.none', { url: webhookUrl }) : msg('s7.noneAny') });
  const p = problem(e);
  const seen = [p ? msg('ev.endpoint', { status: e.status ?? msg('ev.unknown') }) : msg('ev.endpointOk', { id: e.id, count: WHATSAPP_EVENT_TYPES.length })];
  return p ? settle(i, item('todo'), { seen, blocker: p }) : settle(i, item('verified', { via: 'live' }), { seen });
}

const httpsUrl = (v: string): MsgKey | true => {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return 'v.url';
  }
  return u.protocol === 'https:' && u.hostname !== 'localhost' && u.hostname !== '127.0.0.1' ? true : 'v.https';
};

export const webhooksStep: StepDef = {
  n: 7,
  id: 'webhooks',
  title: 's7.title',
  evaluate: evaluateWebhooks,
  async run(w: Wizard) {
    w.say('s7.body', { count: WHATSAPP_EVENT_TYPES.length });
    w.say('ui.link', { url: LINKS.webhooks });
    const api = await w.api();
    if (!api || !w.snap.endpoints) w.stop(7, 'todo', evaluateWebhooks(w.evalInput()).evidence[0]!);
    const url = await w.answer(w.o.webhookUrl ?? w.rec('webhooks').data?.url, { flag: '--webhook-url', message: 's7.urlPrompt', validate: httpsUrl });
    let e = pick(w.snap.endpoints, url, undefined);
    if (e) {
      w.say('s7.found', { id: e.id, url: e.url, status: e.status ?? msg('ev.unknown') });
      if (problem(e)) {
        if (!(await w.confirm('s7.fixConfirm', { id: e.id }, true))) w.stop(7, 'todo', problem(e)!);
        const events = [...new Set([...(e.enabledEvents ?? []), ...WHATSAPP_EVENT_TYPES])];
        await api.updateWebhookEndpoint(e.id, { enabledEvents: events, status: 'active' });
        w.say('s7.updated', { id: e.id });
      }
    } else {
      const created = await api.createWebhookEndpoint({ url, enabledEvents: [...WHATSAPP_EVENT_TYPES], description: PRODUCTION_DESCRIPTION });
      // The signing secret goes to the 0600 config file, never to the terminal in full (CLI.md §7).
      if (created.secret) {
        w.ctx.io.secrets.add(created.secret);
        w.cfg.store.set(w.profile, 'webhookSecret', created.secret);
      }
      w.say('s7.created', { id: created.id, url: created.url ?? url, secret: created.secret ? w.ui.mask(created.secret) : '' });
      e = created;
    }
    // The app verifies each delivery with this endpoint's secret: how to read it in full.
    w.say('s7.secretHow', { id: e.id });
    // Verify with a fresh read: what counts is what YCloud has, not what we sent.
    const now = await api.getWebhookEndpoint(e.id);
    const list = w.snap.endpoints.filter((x) => x.id !== now.id);
    w.snap.endpoints = [...list, now];
    w.record('webhooks', { data: { url, endpointId: now.id } });
    const p = problem(now);
    if (p) w.stop(7, 'todo', p);
    w.verified('webhooks');
  },
};
