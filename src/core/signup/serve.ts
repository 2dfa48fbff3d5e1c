// `signup serve` without the printing: page check → local server → tunnel → capture → §16 flow →
// record. Each resource registers its cleanup in the step that acquires it (ARCHITECTURE §7).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { YcpError, toYcpError, usageError } from '../errors.js';
import { isDigits } from '../validate.js';
import { selectTunnel, domainToAllow, type SelectDeps } from '../tunnel/select.js';
import type { TunnelKind } from '../tunnel/tunnel.js';
import { describeCapture, isCancelOrError, type CapturedSignup } from './capture.js';
import { readConfigBlock } from './config-block.js';
import { isSandboxBaseUrl, PLACEHOLDERS_KEY } from './sandbox-mode.js';
import { runSignupFlow, type FlowProgress } from './flow.js';
import { buildRecord, saveRecord, type SignupRecord } from './record.js';
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
  wabaTimeoutMs?: number;
  intervalMs?: number;
  tunnelDeps?: SelectDeps;
}

export type ServeEvent =
  | { type: 'serving'; localUrl: string; publicUrl: string; provider: string; reason: string; host: string; redirectUri: string; ephemeral: boolean; sandbox: boolean }
  | { type: 'captured'; summary: string; signupEvent: string; wabaId?: string; phoneNumberId?: string; businessId?: string; codeReceived: boolean; currentStep?: string }
  | ({ type: 'progress' } & FlowProgress)
  | { type: 'result'; record: SignupRecord; file: string }
  | { type: 'failed'; record: SignupRecord; file: string; error: YcpError };

export { isSandboxBaseUrl };

/** Serves until one signup is handled (or, with keepRunning, until Ctrl-C). Returns the last record. */
export async function serveSignup(ctx: Ctx, o: ServeOptions, emit: (e: ServeEvent) => void): Promise<SignupRecord> {
  const dir = resolve(o.dir);
  const baseUrl = (await ctx.config()).get('baseUrl') ?? '';
  const sandbox = isSandboxBaseUrl(baseUrl);
  await checkPage(dir, sandbox);
  const api = o.register ? await ctx.api() : undefined; // no key → exit 4 before anything starts

  const server = await startSignupServer({
    dir,
    port: o.port,
    keepRunning: o.keepRunning,
    inject: sandbox ? { sandbox: true, sandboxOrigin: new URL(baseUrl).origin } : {},
    now: () => ctx.clock.now(),
    signal: ctx.signal,
    onToken: (token) => ctx.io.secrets.add(token),
  });
  ctx.defer(() => server.close());

  let publicUrl: string;
  let provider = 'local';
  let reason = `the API is the local sandbox (${baseUrl}): no tunnel needed`;
  let ephemeral = false;
  if (sandbox && !o.publicUrl && (o.tunnel === 'auto' || o.tunnel === 'none')) {
    publicUrl = server.localUrl.replace(/\/$/, '');
  } else {
    const sel = await selectTunnel(ctx, { kind: o.tunnel, publicUrl: o.publicUrl, domain: o.domain }, o.tunnelDeps);
    ctx.defer(() => sel.tunnel.stop()); // before start: a Ctrl-C during start still stops the child
    publicUrl = (await sel.tunnel.start(server.port, ctx.signal)).url.replace(/\/+$/, '');
    ({ provider, ephemeral } = sel.tunnel);
    reason = sel.reason;
  }
  server.allowOrigin(publicUrl);
  const { host, redirectUri } = domainToAllow(publicUrl);
  emit({ type: 'serving', localUrl: server.localUrl, publicUrl: `${publicUrl}/`, provider, reason, host, redirectUri, ephemeral, sandbox });
  if (o.open && !ctx.io.ci) await ctx.spawn.openUrl(`${publicUrl}/`);

  for (;;) {
    const session = await server.next(ctx.signal);
    const c = session.capture;
    ctx.io.secrets.add(c.code);
    emit({ type: 'captured', summary: describeCapture(c), signupEvent: c.event, wabaId: c.wabaId, phoneNumberId: c.phoneNumberId, businessId: c.businessId, codeReceived: Boolean(c.code), currentStep: c.currentStep });
    const { record, failure } = await handle(ctx, o, api, session, emit);
    const file = await saveRecord(dir, record);
    emit(failure ? { type: 'failed', record, file, error: failure } : { type: 'result', record, file });
    await session.settled(5_000); // let the page show the final state before the server goes
    if (!o.keepRunning) {
      if (failure) throw failure;
      return record;
    }
  }
}

async function handle(
  ctx: Ctx,
  o: ServeOptions,
  api: Awaited<ReturnType<Ctx['api']>> | undefined,
  session: SignupSession,
  emit: (e: ServeEvent) => void,
): Promise<{ record: SignupRecord; failure?: YcpError }> {
  const c: CapturedSignup = session.capture;
  if (isCancelOrError(c.event)) {
    const failure = new YcpError('pending', describeCapture(c), {
      code: c.event,
      hint: 'reload the page to try again; if Meta reported an error, quote its error id and session id to Meta support',
      details: { currentStep: c.currentStep, errorId: c.errorId, sessionId: c.sessionId },
    });
    session.fail({ message: failure.message, hint: failure.info.hint }, 'cancelled');
    return { record: buildRecord(c, 'cancelled', ctx.clock.now(), undefined, errorInfo(failure)), failure };
  }
  if (!api) {
    const hint = c.phoneNumberId ? `register it with: ycp phone register ${c.wabaId} ${c.phoneNumberId}` : `check it with: ycp waba get ${c.wabaId}`;
    session.step('captured', 'Captured; not registering (--no-register)');
    session.done({ wabaId: c.wabaId, phoneNumberId: c.phoneNumberId, hint });
    return { record: buildRecord(c, 'captured', ctx.clock.now()) };
  }
  try {
    const r = await runSignupFlow({ api, clock: ctx.clock, signal: ctx.signal }, c, {
      wabaTimeoutMs: o.wabaTimeoutMs ?? 120_000,
      waitTimeoutMs: o.waitTimeoutMs,
      intervalMs: o.intervalMs ?? 5_000,
      onProgress: (p) => {
        session.step(p.phase, p.message);
        emit({ type: 'progress', ...p });
      },
    });
    session.done({ wabaId: r.wabaId, phoneNumberId: r.phoneNumberId, e164: r.e164, status: r.status });
    return { record: buildRecord(c, r.status === 'CONNECTED' ? 'connected' : 'captured', ctx.clock.now(), r) };
  } catch (err) {
    const e = toYcpError(err);
    if (e.kind === 'cancelled') throw e;
    // The page and the record file are output too: a server may have echoed the key into the message.
    const message = ctx.io.secrets.redact(e.message);
    session.fail({ message, code: e.info.code, hint: e.info.hint });
    return { record: buildRecord(c, e.kind === 'pending' ? 'not-ready' : 'failed', ctx.clock.now(), undefined, errorInfo(e, message)), failure: e };
  }
}

function errorInfo(e: YcpError, message = e.message): SignupRecord['error'] {
  return { kind: e.kind, message, code: e.info.code, hint: e.info.hint };
}

/** The folder must hold a scaffolded page whose IDs are digit strings (and real ones outside the sandbox). */
async function checkPage(dir: string, sandbox: boolean): Promise<void> {
  let html: string;
  try {
    html = await readFile(join(dir, 'index.html'), 'utf8');
  } catch {
    throw usageError(`no signup page in ${dir}`, `write one first: ycp signup scaffold --out ${dir}`);
  }
  const cfg = readConfigBlock(html);
  if (!cfg) throw usageError(`${join(dir, 'index.html')} has no ycp-config block`, `write it again: ycp signup scaffold --out ${dir} --force`);
  for (const k of ['appId', 'configId', 'solutionId']) {
    if (typeof cfg[k] !== 'string' || !isDigits(cfg[k])) {
      throw usageError(`${join(dir, 'index.html')} has no valid ${k}`, `write it again: ycp signup scaffold --out ${dir} --force`);
    }
  }
  const placeholders = cfg[PLACEHOLDERS_KEY];
  if (!sandbox && Array.isArray(placeholders) && placeholders.length) {
    throw usageError(
      `${join(dir, 'index.html')} was written for the sandbox: ${placeholders.join(', ')} ${placeholders.length > 1 ? 'are placeholders' : 'is a placeholder'}`,
      `write it again with your Meta app's IDs: ycp signup scaffold --out ${dir} --force --app-id … --config-id … --solution-id …`,
    );
  }
}
