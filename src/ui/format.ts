import type { ChalkInstance } from 'chalk';
import type { Io } from '../core/context.js';
import { t, tm, type Lang, type Msg, type MsgKey } from '../i18n/index.js';

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

export function relativeTime(iso: string | undefined, now: number, lang: Lang = 'en'): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const s = Math.round((now - at) / 1000);
  return t(lang, s >= 0 ? 'cli.ago' : 'cli.in', { span: span(Math.abs(s), lang) });
}

const UNITS: [number, MsgKey, MsgKey][] = [
  [365 * 86_400, 'cli.year1', 'cli.years'],
  [86_400, 'cli.day1', 'cli.days'],
  [3_600, 'cli.hour1', 'cli.hours'],
  [60, 'cli.minute1', 'cli.minutes'],
  [1, 'cli.second1', 'cli.seconds'],
];

/** A number of seconds for people, in its largest whole unit: "2 hours", "5 minutes", "57 years". */
export function spanMsg(seconds: number): Msg {
  const abs = Math.abs(Math.round(seconds));
  const [size, one, many] = UNITS.find(([size]) => abs >= size) ?? UNITS[UNITS.length - 1]!;
  const n = Math.round(abs / size);
  return n === 1 ? { key: one } : { key: many, params: { n } };
}

export const span = (seconds: number, lang: Lang): string => tm(lang, spanMsg(seconds));

/** A label such as `error:` before a text: English puts a space after its colon; Chinese's full-width one needs none. */
export function labelled(lang: Lang, key: MsgKey, text: string, paint: (s: string) => string = (s) => s): string {
  const label = t(lang, key);
  return `${paint(label)}${label.endsWith(':') ? ' ' : ''}${text}`;
}

/** Terminal columns a text takes: CJK and full-width characters take two (tables and aligned fields). */
export function displayWidth(s: string): number {
  let n = 0;
  for (const c of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return n;
}

/** `s` padded with spaces to `width` terminal columns. */
export const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** stderr lines: info, warnings and hints never go to stdout. */
export function say(io: Io, line: string): void {
  io.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}
export function warn(io: Io, line: string): void {
  say(io, labelled(io.lang, 'cli.warning', line, (l) => colors(io).err.yellow(l)));
}
export function success(io: Io, line: string): void {
  say(io, `${colors(io).err.green('✓')} ${line}`);
}
