// Entry point: the only file that touches process.exit, exitCode and signal handlers.
// (The shipped `bin` is dist/ycp.js, bundled from bin/launcher.ts: it checks the Node version and answers
// --version and plain help requests before this bundle, dist/main.js, loads. Everything that reaches here
// runs a command, so the program and the system ctx are imported statically.)
import { abortedBy, signalExitCode } from '../src/core/errors.js';
import { run } from '../src/cli.js';
import { createSystemCtx } from '../src/system-ctx.js';

// No top-level await: scripts/build.mjs turns the bundle into CommonJS (see there).
void main(process.argv.slice(2));

async function main(argv: string[]): Promise<void> {
  const abort = new AbortController();
  let firstSignalAt = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    // First Ctrl-C/SIGTERM: abort the run so cleanups happen. Second: leave at once (Stripe's listen).
    // conf's when-exit re-raises the first signal on ycp itself at once; that echo is not a second
    // Ctrl-C, and exiting on it would cut the cleanups short (orphaned cloudflared, kept endpoints).
    if (firstSignalAt) {
      if (Date.now() - firstSignalAt > 500) process.exit(signalExitCode(sig));
      return;
    }
    firstSignalAt = Date.now();
    // The signal rides on the reason: SIGINT exits 130, SIGTERM 143 (errors.ts, the one table).
    abort.abort(Object.assign(new Error(`received ${sig}`), { name: 'AbortError', signal: sig }));
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

  const { ctx, cleanup } = createSystemCtx(process, abort.signal);
  const code = await run(argv, ctx).finally(cleanup);
  // Cleanups have run. Leave once the output is flushed instead of waiting for idle keep-alive sockets
  // and V8's background work to wind down (~100-200 ms after the last response here).
  const flush = (s: NodeJS.WriteStream) => new Promise<void>((r) => (s.writableLength ? s.write('', () => r()) : r()));
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  process.exit(abort.signal.aborted ? signalExitCode(abortedBy(abort.signal)) : code);
}
