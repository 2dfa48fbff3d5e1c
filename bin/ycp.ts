// Entry point: the only file that touches process.exit, exitCode and signal handlers.
import module from 'node:module';
import { VERSION } from '../src/version.js';

// Node >= 22.1 can keep compiled code between runs; on Node 20 this is a no-op.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Fast path: `ycp --version` is what scripts and doctor-style checks call most; skip loading commander.
  process.stdout.write(`${VERSION}\n`);
} else {
  const abort = new AbortController();
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    // First Ctrl-C/SIGTERM: abort the run so cleanups happen. Second: leave at once (Stripe's listen).
    if (++signals > 1) process.exit(130);
    abort.abort(Object.assign(new Error(`received ${sig}`), { name: 'AbortError' }));
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

  const [{ run }, { createSystemCtx }] = await Promise.all([import('../src/cli.js'), import('../src/system-ctx.js')]);
  const { ctx, cleanup } = createSystemCtx(process, abort.signal);
  const code = await run(argv, ctx).finally(cleanup);
  process.exitCode = abort.signal.aborted ? 130 : code;
  // Anything still holding the loop (a keep-alive socket, a stray timer) must not keep ycp alive.
  setTimeout(() => process.exit(), 2_000).unref();
}
