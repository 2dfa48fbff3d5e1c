// Where the config file is and which profile names it may hold. Bundled into the CommonJS launcher
// (bin/launcher.ts reads a profile's `lang` for help): node:path and env-paths (loaded on use) only.
import { join } from 'node:path';

const PROFILE_RE = /^[A-Za-z0-9_-]{1,64}$/;
// Profiles are keys of a plain object: these would read or replace its prototype instead of an own
// entry (`--profile __proto__` "logged in" and the key was never written).
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export const isProfileName = (name: string): boolean => PROFILE_RE.test(name) && !RESERVED.has(name);

/** Where the config file would be, without opening (or validating) it. */
export async function configPathFor(env: Readonly<Record<string, string | undefined>>): Promise<string> {
  if (env.YCP_CONFIG_DIR) return join(env.YCP_CONFIG_DIR, 'config.json');
  const { default: envPaths } = await import('env-paths');
  return join(envPaths('ycp', { suffix: '' }).config, 'config.json');
}
