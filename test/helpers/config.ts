// Commands that store settings are checked the way a user sees them: a second run of ycp (a new process,
// so a fresh ctx) over the same config dir.
import { createTestCtx, type TestCtx } from './test-ctx.js';

/** Verifies `prev` and returns a fresh ctx over its config dir, with `env` added. */
export function reuse(prev: TestCtx, env: Record<string, string> = {}): TestCtx {
  prev.verify();
  return createTestCtx({ env: { YCP_CONFIG_DIR: prev.configDir, ...env } });
}
