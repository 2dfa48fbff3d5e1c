// The only module that starts processes (ARCHITECTURE §7): execa with cleanup, cancelSignal and a
// forced kill, so no child outlives ycp.
// node:fs's callback API: node:fs/promises (and the streams and readline it loads) costs every start ~1.5 ms.
import { access, constants, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { YcpError } from '../errors.js';
import { msg } from '../../i18n/index.js';

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
  /**
   * Start the child in its own process group and end the whole group: a `cloudflared` on PATH may be a
   * wrapper script that starts the real binary as its child, which a signal to the wrapper alone
   * would leave running. (The group also keeps a terminal's Ctrl-C from reaching it before ycp's
   * cleanups decide.) POSIX only; elsewhere the child alone is ended.
   */
  group?: boolean;
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

function isExecutable(p: string): Promise<boolean> {
  return new Promise((resolve) => access(p, constants.X_OK, (err) => resolve(!err)));
}

const live = new Set<{ kill(sig: NodeJS.Signals): void }>();
let hooked = false;
/** Last resort when ycp exits without its cleanups (a second Ctrl-C): no child outlives it. */
function installExitHook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGTERM');
  });
}

/** Signals every process in group `pgid`; false when none is left. */
function signalGroup(pgid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, sig);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a process of group `pgid` still runs. A grandchild whose parent (the wrapper) is gone is
 * reparented to pid 1 and stays a zombie until that reaps it, which a container's pid 1 may never do:
 * zombies do not count. On Linux, /proc says which members are zombies; elsewhere any member counts.
 */
function groupRunning(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  if (process.platform !== 'linux') return true;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ')'.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') return true;
    }
    return false;
  } catch {
    return true;
  }
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
      const group = Boolean(opts.group) && process.platform !== 'win32';
      const killAfterMs = opts.killAfterMs ?? 3_000;
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
          // A group is ended by stop() below (execa's cancel and forced kill reach the leader only).
          cancelSignal: group ? undefined : opts.signal,
          forceKillAfterDelay: group ? false : killAfterMs,
          detached: group,
          reject: false,
          buffer: false,
          stdin: 'ignore',
        });
      } catch (err) {
        throw new YcpError('internal', msg('sys.cannotStart', { command: [command, ...args].join(' '), reason: (err as Error).message }), { cause: err });
      }
      const pid = child.pid;
      const target = group && pid ? { kill: (sig: NodeJS.Signals) => void signalGroup(pid, sig) } : { kill: (sig: NodeJS.Signals) => void child.kill(sig) };
      live.add(target);
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
      const stop = () => {
        stopping ??= (async () => {
          if (group && pid) {
            // SIGTERM to every process of the group, SIGKILL to whatever is left after the grace period.
            signalGroup(pid, 'SIGTERM');
            const until = Date.now() + killAfterMs;
            while (groupRunning(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
            if (groupRunning(pid) && signalGroup(pid, 'SIGKILL')) while (groupRunning(pid) && Date.now() < until + 1_000) await new Promise((r) => setTimeout(r, 25));
          } else if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          const r = await exited;
          live.delete(target);
          return r;
        })();
        return stopping;
      };
      if (!group) void exited.then(() => live.delete(target));
      if (group && opts.signal) {
        if (opts.signal.aborted) void stop();
        else opts.signal.addEventListener('abort', () => void stop(), { once: true });
      }
      return {
        pid,
        command: `${command} ${args.join(' ')}`,
        onLine: (fn) => void listeners.push(fn),
        exited,
        stop,
      };
    },
  };
}
