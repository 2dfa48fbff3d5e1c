// Runs the BUILT binary (dist/ycp.js) the way a user would, with a clean environment.
import { execa } from 'execa';
import { expect } from 'vitest';
import { BIN, requireBuild, runConfigDir } from './run-bin.js';
import { expectNoSecrets } from './test-ctx.js';

export { requireBuild };

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ycp …` against a base URL and key; asserts the key never shows up in the output. */
export async function ycp(args: string[], o: { baseUrl?: string; apiKey?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Run> {
  const { dir: configDir, remove } = runConfigDir();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: configDir,
    YCP_CONFIG_DIR: configDir,
    NO_COLOR: '1',
    CI: '1',
    ...(o.baseUrl ? { YCLOUD_BASE_URL: o.baseUrl } : {}),
    ...(o.apiKey ? { YCLOUD_API_KEY: o.apiKey } : {}),
    ...o.env,
  };
  const r = await execa(process.execPath, [BIN, ...args], { env, extendEnv: false, reject: false, timeout: o.timeoutMs ?? 20_000, stdin: 'ignore' }).finally(remove);
  const out = { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  if (o.apiKey) expectNoSecrets(out.stdout + out.stderr, [o.apiKey]);
  return out;
}

export function expectExit(r: Run, code: number): void {
  expect(r.code, `exit code\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`).toBe(code);
}
