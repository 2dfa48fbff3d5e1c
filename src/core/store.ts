import { statSync } from 'node:fs';
import { usageError } from './errors.js';
import { msg } from '../i18n/index.js';
import type { ConfigData } from './config-file.js';
import { configPathFor, isProfileName } from './config-path.js';

/** Per-profile settings and state (init progress, signup results) kept in one 0600 file (config-file.ts). */
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
  /**
   * Sets a key from its value as it is at the moment of the write (the file re-read under the lock), so
   * a list that several processes add to (listen's endpoints) loses no other process's entry.
   */
  update(profile: string, key: string, next: (current: unknown) => unknown): Promise<void>;
  unset(profile: string, key: string): Promise<void>;
  deleteProfile(profile: string): Promise<void>;
  flush(): Promise<void>;
}

export function checkProfileName(name: string): string {
  if (!isProfileName(name)) throw usageError(msg('input.profileName', { name }), msg('input.profileNameHint'));
  return name;
}

/**
 * Opens the store. Reads parse the file once; each write goes through config-file.ts, which re-reads
 * the file under a lock and applies only that write's change, so writers in other processes lose
 * nothing. (The name is historical: the `conf` package wrote the file before it was made lock-safe.)
 */
export async function openConfStore(env: Readonly<Record<string, string | undefined>>): Promise<Store> {
  const path = await configPathFor(env);
  // Loaded on first config read, not at start-up: `ycp --help` never opens the config.
  const { parseConfigText, readConfigText, updateConfigFile } = await import('./config-file.js');
  // What the file held at the last read or write, and the changes of this process not written yet:
  // a read sees both, as if every write had landed at once.
  let disk = parseConfigText(readConfigText(path) ?? '', path);
  const pending: Change[] = [];
  const view = () => pending.reduce((d, change) => change(d), disk);
  const all = (d = view()): Profiles => (d.profiles && typeof d.profiles === 'object' ? (d.profiles as Profiles) : {});
  let chain: Promise<unknown> = Promise.resolve();
  let failure: unknown;
  const write = (change: Change): Promise<void> => {
    pending.push(change);
    const done = chain.then(async () => {
      try {
        disk = await updateConfigFile(path, change);
      } finally {
        pending.splice(pending.indexOf(change), 1);
      }
    });
    chain = done.catch((err) => (failure ??= err));
    done.catch(() => {}); // handled here; an awaiting caller still sees the rejection
    return done;
  };
  const withProfiles = (d: ConfigData, edit: (p: Profiles) => Profiles): ConfigData => ({ ...d, profiles: edit({ ...all(d) }) });
  const update = (profile: string, key: string, next: (current: unknown) => unknown): Promise<void> => {
    checkProfileName(profile);
    return write((d) => withProfiles(d, (p) => ({ ...p, [profile]: { ...(p[profile] ?? {}), [key]: next(p[profile]?.[key]) } })));
  };
  return {
    path,
    profiles: () => Object.keys(all()),
    profile: (name) => (Object.hasOwn(all(), name) ? all()[name]! : {}),
    set: (profile, key, value) => update(profile, key, () => value),
    update,
    unset(profile, key) {
      if (!Object.hasOwn(all(), profile)) return Promise.resolve();
      return write((d) =>
        withProfiles(d, (p) => {
          if (!p[profile]) return p;
          const { [key]: _gone, ...rest } = p[profile];
          return { ...p, [profile]: rest };
        }),
      );
    },
    deleteProfile(profile) {
      return write((d) =>
        withProfiles(d, (p) => {
          delete p[profile];
          return p;
        }),
      );
    },
    async flush() {
      await chain;
      if (failure) {
        const err = failure;
        failure = undefined;
        throw err; // a YcpError from config-file.ts: 'io' (exit 1), or 'usage' when the file became invalid
      }
    },
  };
}

type Profiles = Record<string, Record<string, unknown>>;
type Change = (data: ConfigData) => ConfigData;

/** File mode of the config file, or undefined when it does not exist yet. */
export function fileMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}

