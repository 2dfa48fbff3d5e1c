import type { Dispatcher } from 'undici';
import type { Clock } from './clock.js';
import { YcpError, errorText } from './errors.js';
import { flagProblem, normalizeLang, profileName, resolveSettings, type ResolvedSettings, type SettingName, type Source } from './settings.js';
import { msg, t, type Lang } from '../i18n/index.js';
import { checkProfileName, type Store } from './store.js';
import type { YcloudApi } from './api/client.js';
import type { Spawner } from './process/spawn.js';
import type { Transport } from './api/transport.js';

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdoutTTY: boolean;
  stderrTTY: boolean;
  /** stdin and stdout are TTYs and CI is unset. */
  canPrompt: boolean;
  /** NO_COLOR / FORCE_COLOR / TTY; --no-color clears both. */
  color: { stdout: boolean; stderr: boolean };
  ci: boolean;
  /** Values masked in everything written to stdout and stderr (ui/redact.ts). */
  secrets: Secrets;
  /**
   * The language of everything written for a person. run() decides it before anything is shown, with the
   * resolver `cfg.lang` uses (--lang, YCP_LANG, LANG, the profile), so the two agree; it is here as well
   * because errors raised before the config resolves (a bad flag, a broken file) speak it too.
   */
  readonly lang: Lang;
}

/**
 * The secrets of this run: the API key (env, profile, login), webhook secrets held in memory, the signup
 * token and `code`. Anything written to stdout or stderr has them replaced by their masked form.
 */
export interface Secrets {
  /** Registers a value; values shorter than MIN_SECRET_LENGTH (ui/redact.ts) are ignored. */
  add(value: string | undefined): void;
  /** A value this run prints on purpose (the sandbox's own key, `--show-secret`): never masked. */
  reveal(value: string): void;
  /** `text` with every registered secret masked. */
  redact(text: string): string;
  readonly size: number;
}

export interface PromptBase {
  message: string;
  /** The flag (or env var) that answers this question when we cannot prompt. */
  flag: string;
}
export interface Prompter {
  input(q: PromptBase & { default?: string; validate?: (v: string) => string | true }): Promise<string>;
  password(q: PromptBase & { validate?: (v: string) => string | true }): Promise<string>;
  confirm(q: PromptBase & { default?: boolean }): Promise<boolean>;
  select<T extends string>(q: PromptBase & { choices: { name: string; value: T; description?: string }[]; default?: T }): Promise<T>;
}

/** The parsed global options of one action (cli.ts builds the action's ctx with them, once). */
export interface GlobalFlags {
  profile?: string;
  json?: boolean;
  verbose?: boolean;
  color?: boolean;
  yes?: boolean;
  /** Setting flags (`--base-url`, `--lang`, `--app-id` …) by setting name: they feed resolveSettings. */
  settings?: Partial<Record<SettingName, string>>;
}

export interface ResolvedConfig {
  profile: string;
  profileSource: Source;
  store: Store;
  settings: ResolvedSettings;
  /** The `lang` setting as a Lang: the one place the language is decided. */
  lang: Lang;
  get(name: SettingName): string | undefined;
}

export interface Ctx {
  io: Io;
  /** The only copy of process.env that code reads. */
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  /** Lazy: doctor and --help work with a broken config file. */
  config(): Promise<ResolvedConfig>;
  /** Lazy: built from config() and the dispatcher. */
  api(): Promise<YcloudApi>;
  prompt: Prompter;
  spawn: Spawner;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
  /** LIFO cleanups; each runs once, on success, failure or Ctrl-C. */
  defer(cleanup: () => unknown): void;
  /** The action's parsed global and setting flags; fixed when the ctx is built. */
  readonly flags: Readonly<GlobalFlags>;
  /** The same run seen through an action's flags (cli.ts calls it once per action). */
  withFlags(flags: GlobalFlags): Ctx;
  /**
   * A context for work nested in a command (init serving the signup page): its results go to stderr, and
   * its cleanups run when the returned `cleanup` is awaited, not at the end of the whole run.
   */
  child(o?: { flags?: GlobalFlags }): CtxWithCleanup;
  /** Writes a --verbose line to stderr (redacted like every other write, see ui/redact.ts). */
  debug(line: string): void;
  /** The undici dispatcher of local traffic (forwarding, trigger, replay) and of proxied API calls (a MockAgent in tests). */
  dispatcher(): Promise<Dispatcher>;
  /** What carries API requests to `url`: node:http for a direct connection, the dispatcher when a proxy applies or in tests. */
  transport(url: string): Promise<Transport>;
}

export interface CtxParts {
  io: Io;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  prompt: Prompter;
  spawn: Spawner;
  signal: AbortSignal;
  openStore(env: Readonly<Record<string, string | undefined>>): Promise<Store>;
  dispatcher(): Promise<Dispatcher>;
  /**
   * Defaults to the dispatcher (the test twin's MockAgent); system-ctx.ts picks node:http or undici per
   * target. `viaDispatcher` is that default, made once per run.
   */
  transport?(url: string, viaDispatcher: () => Promise<Transport>): Promise<Transport>;
}

export interface CtxWithCleanup {
  ctx: Ctx;
  /** Runs the deferred cleanups, LIFO, once. Failures become warnings on stderr. */
  cleanup(): Promise<void>;
}

/**
 * Profile entries that hold secrets (the webhook secret is stored by `init`'s webhook step, the forwarding
 * secret by `webhook listen`, core/webhook/forwarding-secret.ts).
 */
const SECRET_KEYS = ['apiKey', 'webhookSecret', 'forwardingSecret'] as const;

/** Shared by the real ctx (system-ctx.ts) and the test twin, so config/api logic is the same in both. */
export function assembleCtx(parts: CtxParts): CtxWithCleanup {
  // One store per run, whichever ctx (action, child) opens it first.
  let storeP: Promise<Store> | undefined;
  const openStore = () => (storeP ??= parts.openStore(parts.env));
  const root = cleanupScope(parts.io);
  let dispatched: Promise<Transport> | undefined;
  const viaDispatcher = () =>
    (dispatched ??= Promise.all([import('./api/transport-undici.js'), parts.dispatcher()]).then(([{ undiciTransport }, d]) => undiciTransport(d)));
  const transport = parts.transport ? (url: string) => parts.transport!(url, viaDispatcher) : viaDispatcher;

  const make = (flags: GlobalFlags, io: Io, defer: (fn: () => unknown) => void): Ctx => {
    let configP: Promise<ResolvedConfig> | undefined;
    let apiP: Promise<YcloudApi> | undefined;
    const ctx: Ctx = {
      io,
      env: parts.env,
      clock: parts.clock,
      prompt: parts.prompt,
      spawn: parts.spawn,
      signal: parts.signal,
      flags,
      dispatcher: parts.dispatcher,
      transport,
      defer,
      debug(line) {
        if (flags.verbose) io.stderr.write(`[verbose] ${line}\n`);
      },
      withFlags: (f) => make(f, f.color === false ? deriveIo(io, { color: { stdout: false, stderr: false } }) : io, defer),
      child(o = {}) {
        const scope = cleanupScope(io);
        const c = make(o.flags ?? flags, deriveIo(io, { stdout: io.stderr, stdoutTTY: io.stderrTTY }), scope.defer);
        return { ctx: c, cleanup: scope.run };
      },
      config() {
        configP ??= (async () => {
          // A bad --profile / YCP_PROFILE fails here, before any request, not at the first write.
          const p = profileName(flags.profile, parts.env);
          checkProfileName(p.name);
          const store = await openStore();
          // Every stored key and webhook secret, of any profile: a server may echo any of them.
          for (const name of store.profiles()) {
            const stored = store.profile(name);
            for (const k of SECRET_KEYS) if (typeof stored[k] === 'string') io.secrets.add(stored[k]);
          }
          const input = { flags: flags.settings ?? {}, env: parts.env, profile: store.profile(p.name) };
          const settings = resolveSettings(input);
          const lang = normalizeLang(settings.lang.value);
          // A setting flag is checked by its SETTINGS row before anything runs; it is said in io.lang, which
          // run() decided without a --lang it could not use (`--lang fr` is said in YCP_LANG's language).
          const bad = flagProblem(input.flags);
          if (bad) throw new YcpError('usage', msg('ui.invalidFlag', { flag: bad.flag, problem: msg(bad.problem) }));
          return { profile: p.name, profileSource: p.source, store, settings, lang, get: (n) => settings[n].value };
        })();
        return configP;
      },
      api() {
        // One deadline for a one-shot command, from its first request; long-running commands (waits,
        // listen, serve) bind their own with api.within() / api.perOperation(). No key → exit 4.
        apiP ??= import('./api/from-ctx.js').then(({ apiClient }) => apiClient(ctx, { purpose: 'command' }));
        return apiP;
      },
    };
    return ctx;
  };

  const ctx = make({}, parts.io, root.defer);
  return {
    ctx,
    async cleanup() {
      // Settings written without an await (progress saved as a step completes) reach the file last.
      if (storeP) root.defer(() => storeP!.then((s) => s.flush(), () => undefined));
      await root.run();
    },
  };
}

/** LIFO cleanups that run once; one that fails or hangs is a warning and the rest still run (ARCHITECTURE §7). */
function cleanupScope(io: Io): { defer(fn: () => unknown): void; run(): Promise<void> } {
  const cleanups: (() => unknown)[] = [];
  let ran = false;
  return {
    defer: (fn) => void cleanups.push(fn),
    async run() {
      if (ran) return;
      ran = true;
      while (cleanups.length) {
        const fn = cleanups.pop()!;
        try {
          await withTimeout(Promise.resolve().then(fn), 10_000);
        } catch (err) {
          // An error the run already reported (reportError marks it) is not repeated as a warning.
          if (!(err instanceof YcpError && err.reported)) io.stderr.write(`${t(io.lang, 'cli.cleanupFailed', { reason: errorText(err, io.lang) })}\n`);
        }
      }
    },
  };
}

/** A copy of `io` with some fields replaced; getters (the lazy stdin) stay getters. */
export function deriveIo(io: Io, patch: Partial<Io>): Io {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(io), ...Object.getOwnPropertyDescriptors(patch) }) as Io;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      t = setTimeout(() => reject(new YcpError('internal', msg('cli.cleanupTimeout', { seconds: ms / 1000 }))), ms);
      t.unref();
    }),
  ]).finally(() => clearTimeout(t));
}
