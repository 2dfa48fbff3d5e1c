import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { YcpError, usageError } from './errors.js';

/** Per-profile settings and state (init progress, signup results) kept in one 0600 file. */
export interface Store {
  readonly path: string;
  profiles(): string[];
  /** The whole profile object (settings plus state such as `init`). */
  profile(name: string): Readonly<Record<string, unknown>>;
  /**
   * Writes take effect in memory at once and reach the file in order. Awaiting them surfaces a write
   * error; `flush()` (run by the ctx's cleanup) waits for any write nobody awaited.
   */
  set(profile: string, key: string, value: unknown): Promise<void>;
  unset(profile: string, key: string): Promise<void>;
  deleteProfile(profile: string): Promise<void>;
  flush(): Promise<void>;
}

const PROFILE_RE = /^[A-Za-z0-9_-]{1,64}$/;
// Profiles are keys of a plain object: these would read or replace its prototype instead of an own
// entry (`--profile __proto__` "logged in" and the key was never written).
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function checkProfileName(name: string): string {
  if (!PROFILE_RE.test(name) || RESERVED.has(name)) throw usageError(`invalid profile name "${name}"`, 'use letters, digits, "-" and "_" only');
  return name;
}

/**
 * Opens the store. Reads parse the JSON file directly (conf and its ajv cost ~100 ms to load, and most
 * commands only read); the first write opens conf, which owns the file format, mode and atomic writes.
 */
export async function openConfStore(env: Readonly<Record<string, string | undefined>>): Promise<Store> {
  const path = await configPathFor(env);
  let data = readConfigFile(path);
  let conf: Promise<{ set(k: string, v: unknown): void; get(k: string): unknown }> | undefined;
  const writer = () =>
    (conf ??= import('conf').then(({ default: Conf }) => {
      const c = new Conf<Record<string, unknown>>({
        projectName: 'ycp',
        projectSuffix: '',
        cwd: dirname(path),
        configName: 'config',
        // The file holds the API key: owner-only. conf's own default is 0o666.
        configFileMode: 0o600,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
      });
      return c;
    }));
  const all = (): Record<string, Record<string, unknown>> => (data.profiles as Record<string, Record<string, unknown>> | undefined) ?? {};
  let chain: Promise<unknown> = Promise.resolve();
  let failure: unknown;
  const write = (profiles: Record<string, Record<string, unknown>>): Promise<void> => {
    data = { ...data, profiles };
    const done = chain.then(async () => {
      const c = await writer();
      c.set('profiles', profiles);
    });
    chain = done.catch((err) => (failure ??= err));
    done.catch(() => {}); // handled here; an awaiting caller still sees the rejection
    return done;
  };
  return {
    path,
    profiles: () => Object.keys(all()),
    profile: (name) => (Object.hasOwn(all(), name) ? all()[name]! : {}),
    set(profile, key, value) {
      const p = { ...all() };
      p[checkProfileName(profile)] = { ...(p[profile] ?? {}), [key]: value };
      return write(p);
    },
    unset(profile, key) {
      const p = { ...all() };
      if (!p[profile]) return Promise.resolve();
      const { [key]: _gone, ...rest } = p[profile];
      p[profile] = rest;
      return write(p);
    },
    deleteProfile(profile) {
      const p = { ...all() };
      delete p[profile];
      return write(p);
    },
    async flush() {
      await chain;
      if (failure) {
        const err = failure;
        failure = undefined;
        throw new YcpError('internal', `could not write the config file ${path}: ${(err as Error).message}`, { cause: err });
      }
    },
  };
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new YcpError('usage', `cannot read the config file ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    const parsed = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('it is not a JSON object');
    return parsed as Record<string, unknown>;
  } catch (err) {
    throw new YcpError('usage', `the config file is not valid: ${(err as Error).message}`, {
      hint: `fix or delete ${path}, then run \`ycp login\` again`,
      cause: err,
    });
  }
}

/** File mode of the config file, or undefined when it does not exist yet. */
export function fileMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** Where the config file would be, without opening (or validating) it. */
export async function configPathFor(env: Readonly<Record<string, string | undefined>>): Promise<string> {
  if (env.YCP_CONFIG_DIR) return join(env.YCP_CONFIG_DIR, 'config.json');
  const { default: envPaths } = await import('env-paths');
  return join(envPaths('ycp', { suffix: '' }).config, 'config.json');
}
