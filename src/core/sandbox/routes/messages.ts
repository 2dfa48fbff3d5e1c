// Messages (CONTRACT §9): send (queued), sendDirectly (synchronous submit), retrieve.
import type { Message, Template } from '../../api/types.js';
import { array, bool, int, isE164, object, oneOf, requireBody, str, type Body } from '../check.js';
import { SandboxError, invalid, missing, notFound } from '../http.js';
import { hex, messageId, wamid } from '../ids.js';
import { route, type Route } from '../router.js';
import { SEED } from '../seed.js';
import type { PlannedStep } from '../types.js';
import { DELAYS, type World } from '../world.js';

const TYPES = ['template', 'text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'interactive', 'contacts', 'reaction'] as const;
const COMPONENT_TYPES = ['header', 'body', 'button', 'limited_time_offer', 'carousel', 'order_status'] as const;
const MAX_MESSAGES = 10_000;

export const messageRoutes: Route[] = [
  route('POST', '/whatsapp/messages', async ({ w, body }) => ({ body: send(w, requireBody(await body()), false) })),
  route('POST', '/whatsapp/messages/sendDirectly', async ({ w, body }) => ({ body: send(w, requireBody(await body()), true) })),
  route('GET', '/whatsapp/messages/:id', ({ w, params }) => {
    const rec = w.data.messages.find((r) => r.message.id === params.id);
    if (!rec) throw notFound(`message ${params.id}`);
    return { body: rec.message };
  }),
];

/** Mirrors `WhatsappMessageSendRequest`: required `from` and `type`, the object named after the type. */
function checkRequest(b: Body) {
  const from = str(b, 'from', 'from', { required: true })!;
  if (!isE164(from)) throw invalid('from', 'from must be an E.164 number such as +15550001111');
  const type = oneOf('type', str(b, 'type', 'type', { required: true }), TYPES)!;
  const to = str(b, 'to');
  const recipient = str(b, 'recipient');
  if (to === undefined && recipient === undefined) throw missing('to');
  if (to !== undefined && !isE164(to)) throw invalid('to', 'to must be an E.164 number such as +15550002222');
  if (type === 'contacts') array(b, 'contacts', 'contacts', true);
  else object(b, type, type, true);
  if (type === 'text') {
    const text = object(b, 'text', 'text', true)!;
    str(text, 'body', 'text.body', { required: true, max: 4096 });
    bool(text, 'preview_url', 'text.preview_url');
  }
  if (type === 'template') {
    const t = object(b, 'template', 'template', true)!;
    str(t, 'name', 'template.name', { required: true, max: 512 });
    const lang = object(t, 'language', 'template.language', true)!;
    str(lang, 'code', 'template.language.code', { required: true });
    const policy = str(lang, 'policy', 'template.language.policy');
    if (policy !== undefined && policy !== 'deterministic') throw invalid('template.language.policy', 'template.language.policy may only be deterministic');
    (array(t, 'components', 'template.components') ?? []).forEach((c, i) => {
      const target = `template.components[${i}]`;
      if (!c || typeof c !== 'object' || Array.isArray(c)) throw invalid(target, `${target} must be an object`);
      oneOf(`${target}.type`, str(c as Body, 'type', `${target}.type`, { required: true }), COMPONENT_TYPES);
      int(c as Body, 'index', `${target}.index`, 0, 9);
      array(c as Body, 'parameters', `${target}.parameters`);
    });
  }
  str(b, 'externalId');
  oneOf('category', str(b, 'category'), ['utility', 'authentication']);
  int(b, 'ttlSeconds', 'ttlSeconds', 30, 43_200);
  for (const f of ['useDirectSend', 'filterUnsubscribed', 'filterBlocked']) bool(b, f);
  object(b, 'context');
  return { from, type, to, recipient };
}

function send(w: World, b: Body, direct: boolean): Message {
  const { from, type, to, recipient } = checkRequest(b);
  const sender = w.data.phones.find((p) => p.number.phoneNumber === from);
  if (!sender) throw new SandboxError(403, 'WHATSAPP_PHONE_NUMBER_UNAVAILABLE', `${from} is not a WhatsApp business number of this account`, { target: 'from' });
  if (sender.number.status !== 'CONNECTED') {
    throw new SandboxError(403, 'WHATSAPP_PHONE_NUMBER_UNAVAILABLE', `${from} is ${sender.number.status}, not CONNECTED; register it first`, { target: 'from' });
  }
  const wabaId = sender.number.wabaId!;
  const waba = w.data.wabas.find((x) => x.id === wabaId);
  if (waba && waba.paymentMethodAttached === false) {
    throw new SandboxError(403, 'WHATSAPP_WABA_UNAVAILABLE', `WABA ${wabaId} has no payment method attached; ask YCloud to attach its credit line`);
  }
  const template = type === 'template' ? approvedTemplate(w, wabaId, b) : undefined;
  if (direct && to === SEED.rateLimitedRecipient) {
    throw new SandboxError(429, 'TOO_MANY_REQUESTS', 'WhatsApp rejected the message: pair rate limit hit', {
      whatsappApiError: { code: '131056', message: '(#131056) (Business Account, Consumer Account) pair rate limit hit', type: 'OAuthException', fbtrace_id: `A${hex(10)}` },
    });
  }
  const now = w.now();
  const category = template ? String(template.category ?? 'UTILITY').toLowerCase() : 'service';
  const m: Message = {
    id: messageId(),
    wabaId,
    from,
    ...(to !== undefined ? { to } : { recipient }),
    type,
    [type]: structuredClone(b[type]),
    ...(typeof b.externalId === 'string' ? { externalId: b.externalId } : {}),
    status: direct ? 'sent' : 'accepted',
    ...(direct ? { wamid: wamid(), sendTime: w.iso(now) } : {}),
    createTime: w.iso(now),
    updateTime: w.iso(now),
    totalPrice: category === 'service' ? 0 : category === 'marketing' ? 0.025 : 0.004,
    currency: 'USD',
    ...(to?.startsWith('+1') ? { regionCode: 'US' } : {}),
    pricingCategory: category,
    pricingModel: 'PMP',
    pricingType: category === 'service' ? 'free_customer_service' : 'regular',
    bizType: 'whatsapp',
  };
  w.data.messages.push({ message: m, plan: plan(w, now, direct, to) });
  if (w.data.messages.length > MAX_MESSAGES) w.data.messages.splice(0, w.data.messages.length - MAX_MESSAGES);
  w.changed();
  w.wake();
  return m;
}

function plan(w: World, now: number, direct: boolean, to: string | undefined): PlannedStep[] {
  const at = (ms: number) => now + w.scaled(ms);
  const steps: PlannedStep[] = direct ? [] : [{ status: 'sent', at: at(DELAYS.sent) }];
  if (to === SEED.failingRecipient || to === SEED.rateLimitedRecipient) {
    const [errorCode, errorMessage] = to === SEED.failingRecipient ? ['131026', 'Message undeliverable.'] : ['131056', '(Business Account, Consumer Account) pair rate limit hit'];
    return [...steps, { status: 'failed', at: at(DELAYS.delivered), errorCode, errorMessage }];
  }
  return [...steps, { status: 'delivered', at: at(DELAYS.delivered) }, { status: 'read', at: at(DELAYS.read) }];
}

/** CONTRACT §9: the template must exist and be APPROVED; its body variables must all be given. */
function approvedTemplate(w: World, wabaId: string, b: Body): Template {
  const t = b.template as { name: string; language: { code: string }; components?: { type: string; parameters?: unknown[] }[] };
  const found = w.data.templates.find((x) => x.wabaId === wabaId && x.name === t.name && x.language === t.language.code);
  if (!found) {
    throw new SandboxError(404, 'NOT_FOUND', `template ${t.name} (${t.language.code}) does not exist in WABA ${wabaId}`, { target: 'template.name' });
  }
  if (found.status !== 'APPROVED') {
    throw new SandboxError(403, 'WHATSAPP_TEMPLATE_UNAVAILABLE', `template ${t.name} (${t.language.code}) is ${found.status}; only APPROVED templates can be sent`, {
      target: 'template.name',
    });
  }
  const body = (found.components as { type?: string; text?: string }[] | undefined)?.find((c) => c.type === 'BODY');
  const wanted = new Set(body?.text?.match(/\{\{\d+\}\}/g) ?? []).size;
  const given = t.components?.find((c) => c.type === 'body')?.parameters?.length ?? 0;
  if (wanted !== given) {
    throw invalid('template.components', `template ${t.name} has ${wanted} body parameter(s); the request gives ${given}`);
  }
  return found;
}
