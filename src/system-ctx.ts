// The one place real dependencies are wired. Heavy modules are imported inside the lazy functions.
import { isatty } from 'node:tty';
import type { Dispatcher } from 'undici';
import { assembleCtx, type CtxWithCleanup } from './core/context.js';
import { systemClock } from './core/clock.js';
import { loadHttp } from './core/api/undici.js';
import { proxyFor, proxySettings } from './core/api/proxy.js';
import { CONNECT_TIMEOUT_MS, type Transport } from './core/api/transport.js';
import { openConfStore } from './core/store.js';
import { createExecaSpawner } from './core/process/spawn.js';
import { createIo } from './ui/io.js';
import { createInquirerPrompter } from './ui/prompt.js';

export function createSystemCtx(proc: NodeJS.Process, signal: AbortSignal): CtxWithCleanup {
  const env = { ...proc.env }; // the only copy of the environment that code reads
  const io = createIo(
    {
      // stdin: prompts and `login --with-key`. process.stdin builds a stream (and loads net/tty) on first
      // touch, so it is opened only when a command reads it; isatty() answers the TTY question for free.
      get stdin() {
        return proc.stdin;
      },
      stdout: proc.stdout, // results only
      stderr: proc.stderr, // everything else
      stdinTTY: isatty(0),
      stdoutTTY: isatty(1),
      stderrTTY: isatty(2),
    },
    env,
  );
  let dispatcher: Promise<Dispatcher> | undefined;
  const viaUndici = () => (dispatcher ??= loadHttp().then(({ EnvHttpProxyAgent }) => new EnvHttpProxyAgent({ ...proxySettings(env), connect: { timeout: CONNECT_TIMEOUT_MS } })));
  let direct: Promise<Transport> | undefined;
  return assembleCtx({
    io,
    env,
    clock: systemClock, // real time
    prompt: createInquirerPrompter(io, signal), // @inquirer/prompts, loaded on first question
    spawn: createExecaSpawner(), // execa, loaded on first child
    signal, // aborted by bin on SIGINT/SIGTERM
    openStore: openConfStore, // conf, loaded on first config read
    // undici, loaded on first use; honours HTTP(S)_PROXY / NO_PROXY like curl does.
    dispatcher: viaUndici,
    // API requests: node:http when the connection is direct (a one-shot command never loads undici),
    // the proxy-aware dispatcher when a proxy applies to the target (core/api/proxy.ts, the same rules).
    transport: (url, viaDispatcher) =>
      proxyFor(url, env) ? viaDispatcher() : (direct ??= import('./core/api/transport-node.js').then(({ nodeTransport }) => nodeTransport())),
  });
}
