// `signup serve` without the printing: page check → local server → tunnel → capture → (forward to the
// partner's backend) → §16 flow → record. Each resource registers its cleanup in the step that acquires
// it (ARCHITECTURE §7).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { YcpError, toYcpError } from '../errors.js';
import { isDigits } from '../validate.js';
import { userAgent } from '../api/from-ctx.js';
import { exposePort, domainToAllow, type SelectDeps } from '../tunnel/select.js';
import type { TunnelKind } from '../tunnel/tunnel.js';
import { msg, t, type Lang, type Msg } from '../../i18n/index.js';
import { backendTimeoutMs, postToBackend, type BackendAnswer } from './backend.js';
import { describeCapture, isCancelOrError, type CapturedSignup } from './capture.js';
import { readConfigBlock } from './config-block.js';
import { pageEsVersion } from './es-version.js';
import { isSandboxBaseUrl, PLACEHOLDERS_KEY } from './sandbox-mode.js';
import { runSignupFlow, type FlowProgress } from './flow.js';
import { buildRecord, saveRecord, type RecordContext, type SignupRecord } from './record.js';
import { startSignupServer, type SignupSession } from './server.js';

export interface ServeOptions {
  dir: string;
  port?: number;
  tunnel: TunnelKind;
  publicUrl?: string;
  domain?: string;
  register: boolean;
  keepRunning: boolean;
  waitTimeoutMs: number;
  open: boolean;
  /** The partner's backend: each captured result is POSTed there as the page would. */
  forwardTo?: string;
  wabaTimeoutMs?: number;
  intervalMs?: number;
  tunnelDeps?: SelectDeps;
}

export type ServeEvent =
  | { type: 'serving'; localUrl: string; publicUrl: string; provider: string; reason: Msg; host: string; redirectUri: string; ephemeral: boolean; sandbox: boolean; esVersion: string; pageBackend?: string; forwardTo?: string }
  | { type: 'captured'; summary: string; signupEvent: string; wabaId?: string; phoneNumberId?: string; businessId?: string; codeReceived: boolean; currentStep?: string }
  | ({ type: 'forwarded'; url: string } & BackendAnswer)
  | ({ type: 'progress' } & FlowProgress)
  | { type: 'result'; record: SignupRecord; file: string }
  | { type: 'failed'; record: SignupRecord; file: string; error: YcpError };

export { isSandboxBaseUrl };

/** Serves until one signup is handled (or, with keepRunning, until Ctrl-C). Returns the last record. */
export async function serveSignup(ctx: Ctx, o: ServeOptions, emit: (e: ServeEvent) => void): Promise<SignupRecord> {
  const dir = resolve(o.dir);
  const cfg = await ctx.config();
  const lang = cfg.lang;
  const baseUrl = cfg.get('baseUrl') ?? '';
  const sandbox = isSandboxBaseUrl(baseUrl);
  const page = await checkPage(dir, sandbox, lang);
  const backendMs = backendTimeoutMs(cfg.get('timeout')); // a bad timeout setting is exit 2 before anything starts
  const api = o.register ? await ctx.api() : undefined; // no key → exit 4 before anything starts

  const server = await startSignupServer({
    dir,
    port: o.port,
    keepRunning: o.keepRunning,
    // Sandbox mode: the fake SDK, and the developer panel open (?debug=0 shows the customer view).
    inject: sandbox ? { sandbox: true, sandboxOrigin: new URL(baseUrl).origin, debug: true } : {},
    now: () => ctx.clock.now(),
    signal: ctx.signal,
    onToken: (token) => ctx.io.secrets.add(token),
  });
  ctx.defer(() => server.close());

  const exposed = await exposePort(ctx, { kind: o.tunnel, publicUrl: o.publicUrl, domain: o.domain }, server.port, sandbox, o.tunnelDeps);
  const publicUrl = exposed ? exposed.url.replace(/\/+$/, '') : server.localUrl.replace(/\/$/, '');
  const provider = exposed?.tunnel.provider ?? 'local';
  const ephemeral = exposed?.tunnel.ephemeral ?? false;
  const reason: Msg = exposed?.why ?? msg('su.localSandboxNoTunnel', { url: baseUrl });
  server.allowOrigin(publicUrl);
  const { host, redirectUri } = domainToAllow(publicUrl);
  emit({
    type: 'serving', localUrl: server.localUrl, publicUrl: `${publicUrl}/`, provider, reason, host, redirectUri, ephemeral, sandbox,
    esVersion: page.esVersion,
    ...(page.backendUrl ? { pageBackend: page.backendUrl } : {}),
    ...(o.forwardTo ? { forwardTo: o.forwardTo } : {}),
  });
  if (o.open && !ctx.io.ci) await ctx.spawn.openUrl(`${publicUrl}/`);

  const rc: RecordContext = { sandbox, esVersion: page.esVersion };
  for (;;) {
    const session = await server.next(ctx.signal);
    const c = session.capture;
    ctx.io.secrets.add(c.code);
    emit({ type: 'captured', summary: describeCapture(c, lang), signupEvent: c.event, wabaId: c.wabaId, phoneNumberId: c.phoneNumberId, businessId: c.businessId, codeReceived: Boolean(c.code), currentStep: c.currentStep });
    const forwarded = o.forwardTo ? await forward(ctx, { lang, url: o.forwardTo, timeoutMs: backendMs, origin: new URL(publicUrl).origin }, c, session, emit) : undefined;
    const { record, failure } = await handle(ctx, o, lang, api, session, { ...rc, ...(forwarded ? { backend: forwarded.backend } : {}) }, emit);
    const file = await saveRecord(dir, record);
    const problem = failure ?? forwarded?.problem;
    emit(problem ? { type: 'failed', record, file, error: problem } : { type: 'result', record, file });
    await session.settled(5_000); // let the page show the final state before the server goes
    if (!o.keepRunning) {
      if (problem) throw problem;
      return record;
    }
  }
}

/** POSTs the result to the partner's backend exactly as the page would have; its answer is reported, never fatal by itself. */
async function forward(
  ctx: Ctx,
  { lang, url, timeoutMs, origin }: { lang: Lang; url: string; timeoutMs: number; origin: string },
  c: CapturedSignup,
  session: SignupSession,
  emit: (e: ServeEvent) => void,
): Promise<{ backend: RecordContext['backend']; problem?: YcpError }> {
  try {
    const a = await postToBackend({ url, body: JSON.stringify(c.body), origin, dispatcher: await ctx.dispatcher(), signal: ctx.signal, lang, userAgent: `${userAgent()} signup-forward`, timeoutMs });
    emit({ type: 'forwarded', url, ...a });
    session.step('backend', t(lang, 'su.forwardStep', { url, status: a.status }));
    if (a.status >= 200 && a.status < 300) return { backend: { url, status: a.status } };
    const problem = new YcpError('api', t(lang, 'su.forwardRejected', { url, status: a.status }), { code: `HTTP_${a.status}`, hint: t(lang, 'su.forwardRejectedHint', { url }) });
    return { backend: { url, status: a.status }, problem };
  } catch (err) {
    const e = toYcpError(err);
    if (e.kind === 'cancelled') throw e;
    session.step('backend', e.message);
    return { backend: { url, error: e.message }, problem: e };
  }
}

async function handle(
  ctx: Ctx,
  o: ServeOptions,
  lang: Lang,
  api: Awaited<ReturnType<Ctx['api']>> | undefined,
  session: SignupSession,
  rc: RecordContext,
  emit: (e: ServeEvent) => void,
): Promise<{ record: SignupRecord; failure?: YcpError }> {
  const c: CapturedSignup = session.capture;
  if (isCancelOrError(c.event)) {
    const failure = new YcpError('pending', describeCapture(c, lang), {
      code: c.event,
      hint: t(lang, 'su.cancelHint'),
      details: { currentStep: c.currentStep, errorCode: c.errorCode, sessionId: c.sessionId },
    });
    session.fail({ message: failure.message, hint: failure.info.hint }, 'cancelled');
    return { record: buildRecord(c, 'cancelled', ctx.clock.now(), rc, undefined, errorInfo(failure)), failure };
  }
  if (!api) {
    const hint = c.phoneNumberId ? t(lang, 'su.noRegisterHintPhone', { waba: c.wabaId!, phone: c.phoneNumberId }) : t(lang, 'su.noRegisterHintWaba', { waba: c.wabaId! });
    session.step('captured', t(lang, 'su.notRegistering'));
    session.done({ wabaId: c.wabaId, phoneNumberId: c.phoneNumberId, hint });
    return { record: buildRecord(c, 'captured', ctx.clock.now(), rc) };
  }
  try {
    const r = await runSignupFlow({ api, clock: ctx.clock, signal: ctx.signal }, c, {
      wabaTimeoutMs: o.wabaTimeoutMs ?? 120_000,
      waitTimeoutMs: o.waitTimeoutMs,
      intervalMs: o.intervalMs ?? 5_000,
      registers: !o.forwardTo,
      lang,
      onProgress: (p) => {
        session.step(p.phase, p.message);
        emit({ type: 'progress', ...p });
      },
    });
    session.done({ wabaId: r.wabaId, phoneNumberId: r.phoneNumberId, e164: r.e164, status: r.status });
    return { record: buildRecord(c, r.status === 'CONNECTED' ? 'connected' : 'captured', ctx.clock.now(), rc, r) };
  } catch (err) {
    const e = toYcpError(err);
    if (e.kind === 'cancelled') throw e;
    // The page and the record file are output too: a server may have echoed the key into the message.
    const message = ctx.io.secrets.redact(e.message);
    session.fail({ message, code: e.info.code, hint: e.info.hint });
    return { record: buildRecord(c, e.kind === 'pending' ? 'not-ready' : 'failed', ctx.clock.now(), rc, undefined, errorInfo(e, message)), failure: e };
  }
}

function errorInfo(e: YcpError, message = e.message): SignupRecord['error'] {
  return { kind: e.kind, message, code: e.info.code, hint: e.info.hint };
}

/** The folder must hold a scaffolded page whose IDs are digit strings (and real ones outside the sandbox). */
async function checkPage(dir: string, sandbox: boolean, lang: Lang): Promise<{ esVersion: string; backendUrl?: string }> {
  const file = join(dir, 'index.html');
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch {
    throw new YcpError('usage', t(lang, 'su.noPage', { dir }), { hint: t(lang, 'su.noPageHint', { dir }) });
  }
  const again = t(lang, 'su.rescaffoldHint', { dir });
  const cfg = readConfigBlock(html);
  if (!cfg) throw new YcpError('usage', t(lang, 'su.noBlock', { file }), { hint: again });
  for (const key of ['appId', 'configId', 'solutionId']) {
    if (typeof cfg[key] !== 'string' || !isDigits(cfg[key])) throw new YcpError('usage', t(lang, 'su.badPageId', { file, key }), { hint: again });
  }
  const placeholders = cfg[PLACEHOLDERS_KEY];
  if (!sandbox && Array.isArray(placeholders) && placeholders.length) {
    throw new YcpError('usage', t(lang, 'su.placeholderPage', { file, names: placeholders.join(', ') }), { hint: t(lang, 'su.placeholderPageHint', { dir }) });
  }
  return { esVersion: pageEsVersion(cfg), ...(typeof cfg.backendUrl === 'string' ? { backendUrl: cfg.backendUrl } : {}) };
}
