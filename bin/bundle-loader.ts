// Loads the bundle (dist/main.js and dist/chunks/*.js: CommonJS files that require each other by relative
// path, see scripts/build.mjs) for the launcher, bin/launcher.ts. Two things require() would not do:
// - no resolution: require() looks up the file, its real path and its package.json scope for every call,
//   ~0.1-0.2 ms each, and a one-shot command loads ~25 files;
// - V8's code cache per file, kept in the user's cache folder and written at exit, when it holds every
//   function the run compiled: compiling is ~15 ms of a one-shot command (issue 14). Node >= 22.1 has a
//   cache of its own (module.enableCompileCache()), but it leaves out what was compiled lazily and is
//   slower here; Node 20 has none. NODE_DISABLE_COMPILE_CACHE turns this one off too.
// Other requires (node: built-ins, optional packages) go to Node's require() as usual.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';

interface CjsModule {
  id: string;
  filename: string;
  paths: string[];
  loaded: boolean;
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleClass {
  new (id: string, parent?: CjsModule): CjsModule;
  wrap(script: string): string;
  _cache: Record<string, CjsModule | undefined>;
  _nodeModulePaths(from: string): string[];
  _resolveFilename(request: string, parent: CjsModule, isMain?: boolean, options?: unknown): string;
  _extensions: unknown;
}

export interface BundleOptions {
  /** dist/main.js */
  main: string;
  /** Where code caches live (one folder per Node version, architecture and build); none: no cache. */
  cacheDir?: string;
  /** Names this build of dist/ (scripts/build.mjs hashes its files): a rebuilt file never meets a stale entry. */
  build: string;
}

/** Runs the bundle's main file. Throws what loading it throws (the launcher reports it). */
export function loadBundle(o: BundleOptions): void {
  const Module = module.constructor as unknown as ModuleClass;
  const parent = module as unknown as CjsModule;
  const cache = o.cacheDir === undefined ? undefined : codeCache(o.cacheDir, o.build, dirname(o.main));

  const paths = new Map<string, string[]>(); // node_modules lookup paths per folder, for external requires
  const load = (filename: string, from: CjsModule): unknown => {
    const known = Module._cache[filename];
    if (known) return known.exports;
    const mod = new Module(filename, from);
    const dir = dirname(filename);
    mod.filename = filename;
    mod.paths = paths.get(dir) ?? paths.set(dir, Module._nodeModulePaths(dir)).get(dir)!;
    Module._cache[filename] = mod; // before it runs: a cycle gets its exports so far, as with require()
    try {
      const content = readFileSync(filename, 'utf8');
      const cached = cache?.read(filename);
      const script = new Script(Module.wrap(content), { filename, cachedData: cached });
      if (cache && (!cached || script.cachedDataRejected)) cache.later(filename, script);
      const fn = script.runInThisContext({ displayErrors: true }) as (...a: unknown[]) => unknown;
      fn.call(mod.exports, mod.exports, requireFor(mod, dir), mod, filename, dir);
    } catch (err) {
      delete Module._cache[filename];
      throw err;
    }
    mod.loaded = true;
    return mod.exports;
  };

  /** `mod`'s require(): `dir` is its folder, taken once by load() rather than on every require. */
  const requireFor = (mod: CjsModule, dir: string) =>
    Object.assign(
      (id: string): unknown => {
        // The bundle's own files: `./chunks/x.js` from main.js, `./x.js` between chunks (path.join would
        // normalise the whole path on every call).
        if (id.startsWith('./')) return load(dir + sep + id.slice(2).replaceAll('/', sep), mod);
        if (id.startsWith('../')) return load(join(dir, id), mod);
        const m = mod.require(id);
        return cache && (id === 'node:v8' || id === 'v8') ? cache.guardFlags(m) : m;
      },
      {
        resolve: (request: string, options?: unknown) => Module._resolveFilename(request, mod, false, options),
        cache: Module._cache,
        extensions: Module._extensions,
        main: require.main,
      },
    );

  load(o.main, parent);
}

/**
 * One folder per Node version, architecture and build, one entry per file (V8 itself checks its own version
 * and flags, and of the source only its length). Written at exit, atomically; the folders of other builds
 * go with the first write of a new one.
 */
function codeCache(root: string, build: string, dist: string) {
  const dir = join(root, `${process.version}-${process.arch}-${build}`);
  const pending = new Map<string, { script: Script; data?: Buffer }>();
  // `chunks/x.js` → `chunks_x.js` (path.relative would resolve both paths on every call).
  const entry = (filename: string) => dir + sep + (filename.startsWith(dist + sep) ? filename.slice(dist.length + 1) : filename).replace(/[\\/:]/g, '_');

  /** The code of everything compiled so far, as it is now. */
  const take = () => {
    for (const p of pending.values()) p.data ??= p.script.createCachedData();
  };

  process.once('exit', () => {
    if (!pending.size) return;
    try {
      if (!isDir(dir)) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        for (const other of readdirSync(root)) if (!other.endsWith(`-${build}`)) rmSync(join(root, other), { recursive: true, force: true });
      }
      for (const [file, p] of pending) {
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, p.data ?? p.script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, file);
      }
    } catch {
      // The cache only saves time: a read-only or full disk leaves the next run as slow as this one.
    }
  });

  return {
    read(filename: string): Buffer | undefined {
      try {
        return readFileSync(entry(filename));
      } catch {
        return undefined; // not cached yet
      }
    },
    later(filename: string, script: Script): void {
      pending.set(entry(filename), { script });
    },
    /**
     * V8 refuses a code cache made under other flags. undici sets one midway through a run
     * (--liftoff-only, src/core/api/undici.ts): the code compiled before it is taken first, or its cache
     * would be refused at the next start, rewritten at exit, and refused again.
     */
    guardFlags(v8: unknown): unknown {
      const real = v8 as { setFlagsFromString(flags: string): void };
      return Object.create(real, {
        setFlagsFromString: { value: (flags: string) => (take(), real.setFlagsFromString(flags)), enumerable: true },
      }) as unknown;
    },
  };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
