// Entry point: the only file that touches process.exit, exitCode and signal handlers.
import { run } from '../src/cli.js';
import { createSystemCtx } from '../src/system-ctx.js';

const abort = new AbortController();
let firstSignalAt = 0;
const onSignal = (sig: NodeJS.Signals) => {
  // First Ctrl-C/SIGTERM: abort the run so cleanups happen. Second: leave at once (Stripe's listen).
  // conf's writer (atomically → when-exit) re-raises the first signal to this process at once, so a
  // "second" signal within 250 ms is that echo, not the user: ignoring it lets cleanups finish.
  if (firstSignalAt) {
    if (Date.now() - firstSignalAt > 250) process.exit(130);
    return;
  }
  firstSignalAt = Date.now();
  abort.abort(Object.assign(new Error(`received ${sig}`), { name: 'AbortError' }));
};
process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

const { ctx, cleanup } = createSystemCtx(process, abort.signal);
const code = await run(process.argv.slice(2), ctx).finally(cleanup);
process.exitCode = abort.signal.aborted ? 130 : code;
// Anything still holding the loop (a keep-alive socket, a stray timer) must not keep ycp alive.
setTimeout(() => process.exit(), 2_000).unref();
