// The partner journey of `ycp demo`, run on an embedded sandbox through the real ycp code paths: the API
// client, resolvePhone / registerPhone / waitForPhoneStatus, buildSendRequest, and the very listener behind
// `ycp webhook listen` (startWebhookListener: raw body, signature check, dedupe on id). It never prints:
// each step is reported through `onStep`, and the result is a report object.
import type { Ctx } from '../context.js';
import { YcpError, type Text } from '../errors.js';
import { msg, type Msg } from '../../i18n/index.js';
import type { YcloudApi } from '../api/client.js';
import { apiClient } from '../api/from-ctx.js';
import { buildSendRequest } from '../message/build.js';
import { registerPhone } from '../phone/register.js';
import { phoneTarget, resolvePhone } from '../phone/resolve.js';
import { waitForPhoneStatus } from '../phone/wait.js';
import { startSandbox } from '../sandbox/index.js';
import { startWebhookListener, type WebhookEvent } from '../webhook/listener.js';
import { eventCollector } from '../webhook/collect.js';

export const DEMO_TIME_SCALE = 25;
const DEMO_RECIPIENT = '+15550100200';

/** One step as it happened; the command puts title and detail into the user's language. */
export interface JourneyStep {
  id: string;
  title: Msg;
  ok: boolean;
  ms: number;
  detail: Text;
}

export interface JourneyReport {
  ok: boolean;
  durationMs: number;
  sandbox: { origin: string; timeScale: number };
  signup: { waba_id: string; phone_number_id?: string; business_id: string };
  waba: { id: string; name?: string; paymentMethodAttached?: boolean };
  phone: { id: string; e164: string; status: string; polls: number };
  endpoint: { id: string; url: string; deleted: boolean };
  message: { id: string; template: string; language: string; status?: string };
  events: { id: string; type: string; status?: string; verified: true }[];
  steps: JourneyStep[];
  next: NextCommand[];
}

/** What to run after the demo, with what it is for. */
export interface NextCommand {
  /** Without the program name: `login` (the command prints `ycp login` or `npx ycp login`). */
  args: string;
  what: Msg;
}

export const NEXT_COMMANDS: NextCommand[] = [
  { args: 'login', what: msg('sandbox.nextLogin') },
  { args: 'init', what: msg('sandbox.nextInit') },
  { args: 'signup serve', what: msg('sandbox.nextServe') },
  { args: 'webhook listen', what: msg('sandbox.nextListen') },
];

type DemoCtx = Pick<Ctx, 'clock' | 'signal' | 'defer' | 'transport' | 'debug'>;

export async function runJourney(ctx: DemoCtx, o: { onStep?: (s: JourneyStep) => void; timeScale?: number } = {}): Promise<JourneyReport> {
  const started = ctx.clock.now();
  const steps: JourneyStep[] = [];
  async function step<T>(id: string, title: Msg, fn: () => Promise<T>, detail: (r: T) => Text): Promise<T> {
    const t0 = ctx.clock.now();
    try {
      const r = await fn();
      const s = { id, title, ok: true, ms: ctx.clock.now() - t0, detail: detail(r) };
      steps.push(s);
      o.onStep?.(s);
      return r;
    } catch (err) {
      const s = { id, title, ok: false, ms: ctx.clock.now() - t0, detail: err instanceof YcpError ? err.words : (err as Error).message };
      steps.push(s);
      o.onStep?.(s);
      throw err;
    }
  }

  const timeScale = o.timeScale ?? DEMO_TIME_SCALE;
  const sb = await step('sandbox', msg('sandbox.stepSandbox'), async () => {
    const s = await startSandbox({ port: 0, timeScale, seed: 'empty' });
    ctx.defer(() => s.close());
    return s;
  }, (s) => msg('sandbox.stepSandboxDetail', { baseUrl: s.baseUrl, scale: timeScale }));

  const api: YcloudApi = await apiClient(ctx, { purpose: 'operation', apiKey: sb.apiKey, baseUrl: sb.baseUrl });
  // The endpoint DELETE may run as a cleanup after Ctrl-C, when `api` is already aborted.
  const cleanup = () => apiClient(ctx, { purpose: 'cleanup', baseUrl: sb.baseUrl, apiKey: sb.apiKey });

  const signup = await step('signup', msg('sandbox.stepSignup'), async () => sb.signup({ businessName: 'Demo Customer Co' }),
    (r) => msg('sandbox.stepSignupDetail', { waba: r.waba_id, phone: r.phone_number_id ?? '' }));

  const waba = await step('waba', msg('sandbox.stepWaba'), async () => {
    const w = await api.getWaba(signup.waba_id);
    if (w.paymentMethodAttached !== true) {
      throw new YcpError('pending', msg('sandbox.noPayment', { id: signup.waba_id }), { hint: msg('sandbox.noPaymentHint') });
    }
    return w;
  }, (w) => msg('sandbox.stepWabaDetail', { name: w.name ?? w.id ?? '' }));

  const phone = await step('phone', msg('sandbox.stepPhone'), () => resolvePhone(api, phoneTarget(signup.waba_id, signup.phone_number_id!)),
    (p) => msg('sandbox.stepPhoneDetail', { e164: p.e164, id: p.phoneNumberId, status: p.number.status ?? '' }));

  await step('register', msg('sandbox.stepRegister'), () => registerPhone(api, phoneTarget(phone.wabaId, phone.phoneNumberId), async () => {}),
    (r) => (r.skipped ? msg('sandbox.stepRegisterSkipped') : msg('sandbox.stepRegisterSent', { status: r.status ?? '' })));

  const connected = await step('connected', msg('sandbox.stepConnected'), () =>
    waitForPhoneStatus({ api, clock: ctx.clock, signal: ctx.signal }, { wabaId: phone.wabaId, e164: phone.e164, for: 'CONNECTED', timeoutMs: 8_000, intervalMs: 100 }),
    (r) => msg('sandbox.stepConnectedDetail', { e164: r.e164, polls: r.polls }));

  const { listener, received, endpoint } = await step('webhook', msg('sandbox.stepWebhook'), async () => {
    // The endpoint's secret is only known once it exists; deliveries cannot come before that.
    const secrets: string[] = [];
    const received = eventCollector();
    const listener = await startWebhookListener({ secrets: () => secrets, now: () => ctx.clock.now(), onEvent: (e) => received.add(e) });
    ctx.defer(() => listener.close());
    const endpoint = await api.createWebhookEndpoint({ url: `${listener.url}/`, enabledEvents: ['whatsapp.message.updated'], description: 'ycp demo (temporary)' });
    let deleted = false;
    const remove = async () => {
      if (deleted) return;
      deleted = true;
      await (await cleanup()).deleteWebhookEndpoint(endpoint.id);
    };
    ctx.defer(remove);
    if (endpoint.secret) secrets.push(endpoint.secret);
    return { listener, received, endpoint: { ...endpoint, remove } };
  }, ({ endpoint }) => msg('sandbox.stepWebhookDetail', { id: endpoint.id, url: endpoint.url }));

  const template = await step('template', msg('sandbox.stepTemplate'), async () => {
    const list = await api.listTemplates({ wabaId: phone.wabaId, status: 'APPROVED' });
    const t = list.find((x) => x.name === 'hello_world') ?? list[0];
    if (!t) throw new YcpError('api', msg('sandbox.noTemplate', { id: phone.wabaId }));
    return t;
  }, (t) => msg('sandbox.stepTemplateDetail', { name: t.name, language: t.language }));

  const sent = await step('send', msg('sandbox.stepSend'), () =>
    api.sendMessage(buildSendRequest({ from: phone.e164, to: DEMO_RECIPIENT, template: template.name, language: template.language })),
    (m) => msg('sandbox.stepSendDetail', { id: m.id, to: DEMO_RECIPIENT, status: m.status ?? '' }));

  const events = await step('events', msg('sandbox.stepEvents'), async () => {
    const of = (status: string) => (e: WebhookEvent) =>
      e.type === 'whatsapp.message.updated' && messageOf(e)?.id === sent.id && messageOf(e)?.status === status;
    // Events may arrive in any order (CONTRACT §9): wait for both, whichever comes first.
    const wait = (status: string) => received.waitFor(of(status), { timeoutMs: 5_000, signal: ctx.signal, what: `signed ${status} event` });
    return Promise.all([wait('delivered'), wait('read')]);
  }, (evs) => msg('sandbox.stepEventsDetail', { n: evs.length, statuses: evs.map((e) => messageOf(e)?.status).join(', ') }));

  const final = await api.getMessage(sent.id);
  await step('cleanup', msg('sandbox.stepCleanup'), async () => {
    await endpoint.remove();
    await listener.close();
    await sb.close();
  }, () => msg('sandbox.stepCleanupDetail', { id: endpoint.id }));

  return {
    ok: true,
    durationMs: ctx.clock.now() - started,
    sandbox: { origin: sb.origin, timeScale },
    signup: { waba_id: signup.waba_id, phone_number_id: signup.phone_number_id, business_id: signup.business_id },
    waba: { id: String(waba.id), name: waba.name, paymentMethodAttached: waba.paymentMethodAttached },
    phone: { id: phone.phoneNumberId, e164: phone.e164, status: connected.status, polls: connected.polls },
    endpoint: { id: endpoint.id, url: endpoint.url, deleted: true },
    message: { id: sent.id, template: template.name, language: template.language, status: final.status },
    // Only verified deliveries reach onEvent: the listener answers 400 to anything else.
    events: events.map((e) => ({ id: e.id, type: e.type, status: messageOf(e)?.status, verified: true as const })),
    steps,
    next: NEXT_COMMANDS,
  };
}

function messageOf(e: WebhookEvent): { id?: string; status?: string } | undefined {
  const m = e.whatsappMessage;
  return m && typeof m === 'object' ? (m as { id?: string; status?: string }) : undefined;
}
