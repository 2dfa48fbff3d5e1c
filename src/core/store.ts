import { statSync } from 'node:fs';
import { YcpError, usageError } from './errors.js';

/** Per-profile settings and state (init progress, signup results) kept in one 0600 file. */
export interface Store {
  readonly path: string;
  profiles(): string[];
  /** The whole profile object (settings plus state such as `init`). */
  profile(name: string): Readonly<Record<string, unknown>>;
  set(profile: string, key: string, value: unknown): void;
  unset(profile: string, key: string): void;
  deleteProfile(profile: string): void;
}

const PROFILE_RE = /^[A-Za-z0-9_-]{1,64}$/;

export function checkProfileName(name: string): string {
  if (!PROFILE_RE.test(name)) throw usageError(`invalid profile name "${name}"`, 'use letters, digits, "-" and "_" only');
  return name;
}

/** Opens the conf-backed store. conf is imported here, lazily, so --help never pays for it. */
export async function openConfStore(env: Readonly<Record<string, string | undefined>>): Promise<Store> {
  const { default: Conf } = await import('conf');
  let conf: InstanceType<typeof Conf<Record<string, unknown>>>;
  try {
    conf = new Conf<Record<string, unknown>>({
      projectName: 'ycp',
      projectSuffix: '',
      cwd: env.YCP_CONFIG_DIR || undefined,
      configName: 'config',
      // The file holds the API key: owner-only. conf's own default is 0o666.
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
    });
  } catch (err) {
    throw new YcpError('usage', `the config file is not valid: ${(err as Error).message}`, {
      hint: 'fix or delete it (`ycp config path` shows where it is), then run `ycp login` again',
      cause: err,
    });
  }
  const all = (): Record<string, Record<string, unknown>> =>
    (conf.get('profiles') as Record<string, Record<string, unknown>> | undefined) ?? {};
  return {
    path: conf.path,
    profiles: () => Object.keys(all()),
    profile: (name) => all()[name] ?? {},
    set(profile, key, value) {
      const p = all();
      p[checkProfileName(profile)] = { ...(p[profile] ?? {}), [key]: value };
      conf.set('profiles', p);
    },
    unset(profile, key) {
      const p = all();
      if (!p[profile]) return;
      const { [key]: _gone, ...rest } = p[profile];
      p[profile] = rest;
      conf.set('profiles', p);
    },
    deleteProfile(profile) {
      const p = all();
      delete p[profile];
      conf.set('profiles', p);
    },
  };
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
  const { join } = await import('node:path');
  if (env.YCP_CONFIG_DIR) return join(env.YCP_CONFIG_DIR, 'config.json');
  const { default: envPaths } = await import('env-paths');
  return join(envPaths('ycp', { suffix: '' }).config, 'config.json');
}
