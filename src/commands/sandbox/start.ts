// `ycp sandbox`: a local, stateful YCloud (API + signed webhook delivery + fake Facebook SDK).
// The sandbox itself is imported here, inside the handler, so `ycp --help` never loads it.
import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
import { t } from '../../i18n/index.js';
import { colors, say } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';

export interface SandboxOptions extends GlobalOpts {
  port: number;
  state?: string;
  seed: string;
  timeScale: number;
}

export async function sandboxStart(ctx: Ctx, o: SandboxOptions): Promise<void> {
  const { startSandbox, StateFileError } = await import('../../core/sandbox/index.js');
  let sb: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sb = await startSandbox({ port: o.port, statePath: o.state, seed: o.seed, timeScale: o.timeScale });
  } catch (err) {
    // A taken --port is already a usage error from listenOn (core/local-http.ts).
    if (err instanceof StateFileError) throw new YcpError('usage', err.msg);
    throw err;
  }
  ctx.defer(() => sb.close());
  ctx.io.secrets.reveal(sb.apiKey); // the sandbox's own key, printed on purpose (it may equal YCLOUD_API_KEY)
  const exportLine = `export YCLOUD_BASE_URL=${sb.baseUrl} YCLOUD_API_KEY=${sb.apiKey}`;
  const info = {
    origin: sb.origin,
    baseUrl: sb.baseUrl,
    // A sandbox key, valid only against this local sandbox: printing it is the point.
    apiKey: sb.apiKey,
    seed: sb.state.seed,
    timeScale: sb.timeScale,
    statePath: o.state ?? null,
    fbSdkUrl: `${sb.origin}/_sandbox/fb/sdk.js`,
    controlUrl: `${sb.origin}/_sandbox`,
    export: exportLine,
  };
  render(ctx.io, o, info, (i) => {
    const ch = colors(ctx.io).err;
    const l = ctx.io.lang;
    const where = { baseUrl: i.baseUrl, seed: i.seed, scale: i.timeScale, state: o.state ?? '' };
    say(ctx.io, `${ch.green('✓')} ${t(l, o.state ? 'sandbox.listeningState' : 'sandbox.listening', where)}`);
    say(ctx.io, t(l, 'sandbox.routes', { control: i.controlUrl, sdk: i.fbSdkUrl }));
    say(ctx.io, t(l, 'sandbox.paste'));
    return i.export;
  });
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) return resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  if (!o.json) say(ctx.io, t(ctx.io.lang, 'sandbox.stopped'));
}
