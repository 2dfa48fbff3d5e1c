// The sandbox state and its optional file. Writes are atomic (temp file + rename) so a crash or
// Ctrl-C mid-write never leaves a half-written state behind.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hex } from './ids.js';
import { SEED_NAMES, seedData } from './seed.js';
import type { SandboxData } from './types.js';
import { msg, tm, type Msg } from '../../i18n/index.js';

/** The --state file cannot be used: `ycp sandbox` says why (exit 2), in the user's language. */
export class StateFileError extends Error {
  constructor(readonly msg: Msg) {
    super(tm('en', msg));
  }
}

export interface Store {
  data: SandboxData;
  /** Replace everything with a named seed (the API key survives). */
  reset(seed?: string): void;
  /** Schedule a save (coalesced); no-op without a state file. */
  changed(): void;
  /** Write now if anything is pending. */
  flush(): Promise<void>;
}

export function isSeedName(name: string): boolean {
  return (SEED_NAMES as readonly string[]).includes(name);
}

export async function openStore(o: { statePath?: string; seed: string; apiKey: string; keepKey: boolean }): Promise<Store> {
  let data = seedData(o.seed, o.apiKey);
  if (o.statePath) {
    const loaded = await load(o.statePath);
    if (loaded) {
      data = loaded;
      // An explicit key wins; otherwise the stored one, so a pasted `export` keeps working across restarts.
      if (o.keepKey) data.apiKey = o.apiKey;
    }
  }
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const store: Store = {
    data,
    reset(seed = store.data.seed) {
      store.data = seedData(seed, store.data.apiKey);
      store.changed();
    },
    changed() {
      if (!o.statePath) return;
      dirty = true;
      timer ??= setTimeout(() => {
        timer = undefined;
        // A background save that fails stays dirty and is tried again on the next change or at
        // close(), which reports it; an unhandled rejection here would kill the whole sandbox.
        store.flush().catch(() => undefined);
      }, 25);
      timer.unref();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (!o.statePath || !dirty) return writing;
      dirty = false;
      const text = JSON.stringify(store.data, null, 1);
      // Chained so writes land in order; each link starts afresh, so one failed write does not
      // turn every later save into the same rejection.
      const write = writing.catch(() => undefined).then(() => writeAtomically(o.statePath!, text));
      writing = write.catch((err: unknown) => {
        dirty = true; // not on disk: the next flush writes the (newer) state again
        throw new StateFileError(msg('sys.stateSave', { path: o.statePath!, reason: (err as Error).message }));
      });
      return writing;
    },
  };
  if (o.statePath) {
    store.changed();
    await store.flush();
  }
  return store;
}

async function load(path: string): Promise<SandboxData | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(msg('sys.stateRead', { path, reason: (err as Error).message }));
  }
  let d: SandboxData;
  try {
    d = JSON.parse(text) as SandboxData;
  } catch {
    throw new StateFileError(msg('sys.stateJson', { path }));
  }
  if (!d || d.version !== 1 || !Array.isArray(d.wabas) || !Array.isArray(d.phones) || typeof d.apiKey !== 'string') {
    throw new StateFileError(msg('sys.stateForeign', { path, version: String(d?.version) }));
  }
  d.deliveries ??= [];
  d.unsubscribers ??= [];
  d.reviews ??= [];
  d.config ??= { outOfOrderEvents: false };
  return d;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${hex(4)}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
}
