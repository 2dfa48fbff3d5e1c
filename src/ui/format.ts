import type { ChalkInstance } from 'chalk';
import type { Io } from '../core/context.js';

/** The one escaping helper for network text shown to people (core/printable.ts). */
export { printable } from '../core/printable.js';

/** Secrets are shown as the first and last 3 characters at most (CLI.md §7). */
export function mask(secret: string | undefined): string {
  if (!secret) return '';
  if (secret.length <= 8) return '•'.repeat(Math.min(secret.length, 6));
  const head = secret.startsWith('whsec_') ? secret.slice(0, 9) : secret.slice(0, 3);
  return `${head}…${secret.slice(-3)}`;
}

let chalk: typeof import('chalk') | undefined;

/**
 * Loads chalk when a stream will be coloured. Piped output and CI never colour, and chalk costs several
 * ms of start-up, so scripts don't pay for it. run() calls this before any command.
 */
export async function loadColors(io: Io): Promise<void> {
  if (io.color.stdout || io.color.stderr) chalk ??= await import('chalk');
}

/** Stands in for a chalk instance when colour is off: every style, chained or not, returns the text. */
const plain: ChalkInstance = new Proxy(((...text: unknown[]) => text.join(' ')) as unknown as ChalkInstance, {
  get: (_target, key) => (key === 'level' ? 0 : plain),
});

const cache = new WeakMap<Io, { out: ChalkInstance; err: ChalkInstance }>();
/** Chalk instances per stream; never the default export, which reads process state itself. */
export function colors(io: Io): { out: ChalkInstance; err: ChalkInstance } {
  const want = (on: boolean) => (on && chalk ? 1 : 0);
  let c = cache.get(io);
  if (!c || c.out.level !== want(io.color.stdout) || c.err.level !== want(io.color.stderr)) {
    const make = (on: boolean) => (want(on) ? new chalk!.Chalk({ level: 1 }) : plain);
    c = { out: make(io.color.stdout), err: make(io.color.stderr) };
    cache.set(io, c);
  }
  return c;
}

export function relativeTime(iso: string | undefined, now: number): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((now - t) / 1000);
  const abs = Math.abs(s);
  const [n, unit] = abs < 60 ? [abs, 'second'] : abs < 3600 ? [Math.round(abs / 60), 'minute'] : abs < 86400 ? [Math.round(abs / 3600), 'hour'] : [Math.round(abs / 86400), 'day'];
  const word = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return s >= 0 ? `${word} ago` : `in ${word}`;
}

/** stderr lines: info, warnings and hints never go to stdout. */
export function say(io: Io, line: string): void {
  io.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}
export function warn(io: Io, line: string): void {
  say(io, `${colors(io).err.yellow('warning:')} ${line}`);
}
export function success(io: Io, line: string): void {
  say(io, `${colors(io).err.green('✓')} ${line}`);
}
