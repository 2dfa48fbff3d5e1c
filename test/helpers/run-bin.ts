import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { until } from './until.js';

export const BIN = fileURLToPath(new URL('../../dist/ycp.js', import.meta.url));

/** Fails at once, saying how to fix it, when the binary has not been built. */
export function requireBuild(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` (npm test does it)`);
}

/**
 * A fresh config dir for one run of the binary. Nothing outside the run can see it, so the caller
 * removes it once the run is over (a test that keeps state passes its own YCP_CONFIG_DIR instead).
 */
export function runConfigDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ycp-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The clean environment every run of the binary gets: PATH, HOME, a fresh config dir (removed by `done`), no colour. */
function binEnv(extra: Record<string, string | undefined> = {}): { env: Record<string, string>; done(): void } {
  requireBuild();
  const own = extra.YCP_CONFIG_DIR === undefined ? runConfigDir() : undefined;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    YCP_CONFIG_DIR: own?.dir,
    NO_COLOR: '1',
    ...extra,
  })) if (v !== undefined) env[k] = v;
  return { env, done: () => own?.remove() };
}

/** Runs the built binary (npm test builds it first) with a clean env and a temp config dir. */
export function runBin(args: string[], o: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {}): Promise<BinResult> {
  const { env, done } = binEnv(o.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 20_000);
    child.on('error', (err) => {
      done();
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done();
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(o.input ?? '');
  });
}

export interface BinProcess {
  child: ChildProcess;
  /** Everything written so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves with the exit code (or the signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Polls `f` over the output (with until()) until it returns something; rejects after `ms` or on exit, naming `what`. */
  until<T>(f: (p: BinProcess) => T | undefined | false, what: string, ms?: number): Promise<T>;
  /** SIGKILL if still running (afterEach safety net). */
  kill(): void;
}

/** Starts the built binary as a long-running child (listen, sandbox) with the same clean env as runBin. */
export function startBin(args: string[], o: { env?: Record<string, string | undefined> } = {}): BinProcess {
  const { env, done } = binEnv(o.env);
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      done();
      resolve({ code, signal });
    }));
  const p: BinProcess = {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    async until<T>(f: (p: BinProcess) => T | undefined | false, what: string, ms = 15_000): Promise<T> {
      const output = () => `\n--- stdout\n${stdout}\n--- stderr\n${stderr}`;
      return until(() => {
        const v = f(p);
        if (v) return v;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before ${what}${output()}`);
        return undefined;
      }, () => `${what}${output()}`, { timeoutMs: ms }) as Promise<T>;
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  return p;
}
