// `ycp sandbox`: a local, stateful YCloud (API + signed webhook delivery + fake Facebook SDK).
// The sandbox itself is imported inside the action, so `ycp --help` never loads it.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Ctx } from '../core/context.js';
import { YcpError } from '../core/errors.js';
import { colors, say } from '../ui/format.js';
import { render } from '../ui/render.js';
import { opts, type GlobalOpts } from './shared.js';

/** Kept equal to SEED_NAMES in core/sandbox/seed.ts by test/sandbox/command.test.ts. */
export const SANDBOX_SEEDS = ['default', 'empty', 'large'];

export interface SandboxOptions extends GlobalOpts {
  port: number;
  state?: string;
  seed: string;
  timeScale: number;
}

const portArg = (v: string) => {
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65_535) throw new InvalidArgumentError('must be a port number from 0 to 65535 (0 = any free port)');
  return Number(v);
};
const scaleArg = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1_000_000) throw new InvalidArgumentError('must be a number above 0, e.g. 10 for ten times faster');
  return n;
};

export function registerSandbox(program: Command, ctx: Ctx): void {
  program
    .command('sandbox')
    .description('Run a local, stateful YCloud simulator (API, signed webhooks, fake Facebook SDK) until Ctrl-C')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (0 = any free port)').argParser(portArg).default(4010))
    .option('--state <file>', 'keep the sandbox state in this JSON file across restarts')
    .addOption(new Option('--seed <name>', 'starting data').choices(SANDBOX_SEEDS).default('default'))
    .addOption(new Option('--time-scale <x>', 'speed up every delay (registration, message status, webhook retries)').argParser(scaleArg).default(1))
    .action(async (_o, cmd: Command) => sandboxRun(ctx, opts<SandboxOptions>(cmd)));
}

export async function sandboxRun(ctx: Ctx, o: SandboxOptions): Promise<void> {
  const { startSandbox, StateFileError } = await import('../core/sandbox/index.js');
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
