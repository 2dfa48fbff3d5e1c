import type { Io } from '../core/context.js';
import type { Lang } from '../i18n/index.js';
import { createSecrets, redacting } from './redact.js';

export interface IoStreams {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdinTTY: boolean;
  stdoutTTY: boolean;
  stderrTTY: boolean;
}

/**
 * ARCHITECTURE §5: colour is decided once per stream, here. Both output streams are wrapped so every
 * write is redacted (ui/redact.ts); the secrets the environment holds are known from the start.
 */
export function createIo(s: IoStreams, env: Readonly<Record<string, string | undefined>>): Io {
  const ci = isCi(env);
  const secrets = createSecrets();
  secrets.add(env.YCLOUD_API_KEY);
  secrets.add(env.YCLOUD_WEBHOOK_SECRET);
  // Shared by every io derived from this one (deriveIo copies the accessor), like `color`.
  const speech = { lang: 'en' as Lang };
  const colorFor = (tty: boolean) => {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
    return tty && env.TERM !== 'dumb';
  };
  return {
    get stdin() {
      return s.stdin;
    },
    stdout: redacting(s.stdout, secrets),
    stderr: redacting(s.stderr, secrets),
    stdoutTTY: s.stdoutTTY,
    stderrTTY: s.stderrTTY,
    canPrompt: s.stdinTTY && s.stdoutTTY && !ci,
    color: { stdout: colorFor(s.stdoutTTY), stderr: colorFor(s.stderrTTY) },
    ci,
    secrets,
    get lang() {
      return speech.lang;
    },
    set lang(v: Lang) {
      speech.lang = v;
    },
  };
}

/** run() sets the language once it is decided, before anything is written (like disableColor for --no-color). */
export function useLang(io: Io, lang: Lang): void {
  (io as { lang: Lang }).lang = lang;
}

export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** --no-color turns colour off on both streams after the fact. */
export function disableColor(io: Io): void {
  io.color.stdout = false;
  io.color.stderr = false;
}

/**
 * Spinners and live progress: stderr is a real, sized TTY (a 0×0 pty, as `script -qc`, some
 * `docker exec -t` and CI runners make, is not), not CI, not --json.
 */
export function canAnimate(io: Io, json?: boolean): boolean {
  return io.stderrTTY && !io.ci && !json && isSized(io.stderr);
}

function isSized(stream: NodeJS.WritableStream): boolean {
  const { columns, rows } = stream as Partial<Pick<NodeJS.WriteStream, 'columns' | 'rows'>>;
  return (columns ?? 0) > 0 && (rows ?? 0) > 0;
}
