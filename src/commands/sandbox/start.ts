// `ycp sandbox`: a local, stateful YCloud (API + signed webhook delivery + fake Facebook SDK).
// The sandbox itself is imported here, inside the handler, so `ycp --help` never loads it.
import type { Ctx } from '../../core/context.js';
import { YcpError } from '../../core/errors.js';
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
    if (err instanceof StateFileError) throw new YcpError('usage', err.message);
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
    say(ctx.io, `${ch.green('✓')} YCloud sandbox listening on ${i.baseUrl} (seed ${i.seed}, time ×${i.timeScale}${o.state ? `, state ${o.state}` : ''})`);
    say(ctx.io, `  control routes: ${i.controlUrl}   fake Facebook SDK: ${i.fbSdkUrl}`);
    say(ctx.io, '  paste this into another shell, then try `ycp waba list` (Ctrl-C here stops the sandbox):');
    return i.export;
  });
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) return resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  if (!o.json) say(ctx.io, 'sandbox stopped');
}
