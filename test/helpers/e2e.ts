// Runs the BUILT binary (dist/ycp.js) the way a user would, with a clean environment.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { expect } from 'vitest';
import { expectNoSecrets } from './test-ctx.js';

export const DIST = fileURLToPath(new URL('../../dist/ycp.js', import.meta.url));

export function requireBuild(): void {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run build\` before the e2e tests`);
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const configDirs: string[] = [];
export function cleanupConfigDirs(): void {
  for (const d of configDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** `ycp …` against a base URL and key; asserts the key never shows up in the output. */
export async function ycp(args: string[], o: { baseUrl?: string; apiKey?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Run> {
  const configDir = mkdtempSync(join(tmpdir(), 'ycp-e2e-'));
  configDirs.push(configDir);
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
  const r = await execa(process.execPath, [DIST, ...args], { env, extendEnv: false, reject: false, timeout: o.timeoutMs ?? 20_000, stdin: 'ignore' });
  const out = { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  if (o.apiKey) expectNoSecrets(out.stdout + out.stderr, [o.apiKey]);
  return out;
}

export function expectExit(r: Run, code: number): void {
  expect(r.code, `exit code\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`).toBe(code);
}
