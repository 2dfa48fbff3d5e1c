// The only module that starts processes (ARCHITECTURE §7): execa with cleanup, cancelSignal and a
// forced kill, so no child outlives ycp.
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { YcpError } from '../errors.js';

export interface ChildExit {
  exitCode?: number;
  signal?: string;
}

export interface ChildHandle {
  readonly pid: number | undefined;
  readonly command: string;
  /** Called for every line the child writes, on either stream. */
  onLine(fn: (line: string, stream: 'stdout' | 'stderr') => void): void;
  readonly exited: Promise<ChildExit>;
  /** SIGTERM, then SIGKILL after a grace period. Idempotent. */
  stop(): Promise<ChildExit>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  signal?: AbortSignal;
  /** Grace period between SIGTERM and SIGKILL. */
  killAfterMs?: number;
}

export interface Spawner {
  start(command: string, args: string[], opts?: StartOptions): Promise<ChildHandle>;
  /** Full path of an executable on PATH, or undefined. */
  which(command: string, env: Readonly<Record<string, string | undefined>>): Promise<string | undefined>;
  /** Opens a URL in the user's browser. Callers never do this in CI. */
  openUrl(url: string): Promise<void>;
}

export async function whichOnPath(command: string, env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  if (command.includes('/')) return (await isExecutable(command)) ? command : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const full = join(dir, command);
    if (await isExecutable(full)) return full;
  }
  return undefined;
}

async function isExecutable(p: string): Promise<boolean> {
  try {
    await access(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const live = new Set<{ kill(sig?: NodeJS.Signals): boolean }>();
let hooked = false;
/** Last resort when ycp exits without its cleanups (a second Ctrl-C): no child outlives it. */
function installExitHook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGTERM');
  });
}

export function createExecaSpawner(): Spawner {
  return {
    which: whichOnPath,
    async openUrl(url) {
      const { default: open } = await import('open');
      await open(url);
    },
    async start(command, args, opts = {}) {
      const { execa } = await import('execa');
      const listeners: ((line: string, stream: 'stdout' | 'stderr') => void)[] = [];
      let child;
      try {
        child = execa(command, args, {
          env: opts.env,
          extendEnv: opts.env === undefined,
          cwd: opts.cwd,
          // Not execa's `cleanup`: it uses signal-exit, which re-raises SIGINT/SIGTERM on ycp itself;
          // bin counts that as a second Ctrl-C and exits at once, mid-cleanup, orphaning this child.
          // `live` + the exit hook below give the same last-resort kill without the re-raise.
          cleanup: false,
          cancelSignal: opts.signal,
          forceKillAfterDelay: opts.killAfterMs ?? 3_000,
          reject: false,
          buffer: false,
          stdin: 'ignore',
        });
      } catch (err) {
        throw new YcpError('internal', `could not start ${command} ${args.join(' ')}: ${(err as Error).message}`, { cause: err });
      }
      live.add(child);
      void child.once('exit', () => live.delete(child));
      installExitHook();
      const pump = (stream: NodeJS.ReadableStream | null, name: 'stdout' | 'stderr') => {
        if (!stream) return;
        let buf = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          buf += chunk;
          let i;
          while ((i = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, i).replace(/\r$/, '');
            buf = buf.slice(i + 1);
            for (const l of listeners) l(line, name);
          }
        });
      };
      pump(child.stdout, 'stdout');
      pump(child.stderr, 'stderr');
      // The child's own 'exit' event, not execa's promise: with cancelSignal, execa settles as soon as
      // the signal aborts, before the child is gone, and ycp could exit first and orphan it.
      void child.catch(() => undefined);
      const exited = new Promise<ChildExit>((resolve) => {
        const done = (code: number | null, sig: NodeJS.Signals | null) => resolve({ exitCode: code ?? undefined, signal: sig ?? undefined });
        if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode, child.signalCode);
        else child.once('exit', done);
      });
      let stopping: Promise<ChildExit> | undefined;
      return {
        pid: child.pid,
        command: `${command} ${args.join(' ')}`,
        onLine: (fn) => void listeners.push(fn),
        exited,
        stop() {
          stopping ??= (async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          })();
          return stopping;
        },
      };
    },
  };
}
