import type { Io } from '../core/context.js';
import { YcpError, exitCodeFor, toYcpError } from '../core/errors.js';
import { t, type Lang } from '../i18n/index.js';
import { colors, labelled, padEnd, displayWidth, printable } from './format.js';

export interface OutputMode {
  json?: boolean;
  verbose?: boolean;
}

/** Handlers produce data; this decides between JSON and the human form, in one place. */
export function render<T>(io: Io, mode: OutputMode, data: T, human: (data: T) => string): void {
  if (mode.json) {
    io.stdout.write(JSON.stringify(data, null, 2) + '\n');
    return;
  }
  const text = human(data);
  if (text) io.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** One NDJSON line, for streaming commands under --json. */
export function emitLine(io: Io, obj: unknown): void {
  io.stdout.write(JSON.stringify(obj) + '\n');
}

/** `key: value` lines for one object; on a TTY the keys are aligned and dimmed. Values are shown printable. */
export function formatFields(io: Io, fields: [string, string | number | boolean | undefined | null][]): string {
  const shown = fields.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, printable(String(v))] as const);
  if (!io.stdoutTTY) return shown.map(([k, v]) => `${k}\t${v}`).join('\n') + '\n';
  const w = Math.max(...shown.map(([k]) => displayWidth(k)));
  const ch = colors(io).out;
  return shown.map(([k, v]) => `${ch.dim(padEnd(k, w))}  ${v}`).join('\n') + '\n';
}

/**
 * Runs a streaming command's body. Under --json the stream is NDJSON and an error is its last line
 * (ARCHITECTURE §5); the error is then marked reported so run() does not print it a second time.
 */
export async function streaming<T>(io: Io, mode: OutputMode, body: () => Promise<T>, finish?: () => void): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (mode.json && err instanceof YcpError) {
      emitLine(io, errorDocument(err, io.lang));
      err.reported = true;
    }
    throw err;
  } finally {
    finish?.();
  }
}

/** An error that the command has already shown with its result (under --json, inside the document). */
export function reported(err: YcpError, shown = true): YcpError {
  err.reported = shown;
  return err;
}

/** The error as --json shows it: its message and hint in the user's language (`lang`), its codes as sent. */
export function errorDocument(e: YcpError, lang: Lang = 'en') {
  const { code, requestId, metaCode, details } = e.info;
  return { error: { kind: e.kind, message: e.text(lang), code, requestId, metaCode, hint: e.hintText(lang), details } };
}

/**
 * Prints an error the way CLI.md §4–5 says, in the language of `io`, and returns its exit code
 * (`runSignal`: the run's abort signal, so SIGTERM exits 143).
 */
export function reportError(io: Io, err: unknown, mode: OutputMode, runSignal?: AbortSignal): number {
  const e = toYcpError(err);
  const lang = io.lang;
  // Already shown with the result it belongs to (the last NDJSON line, a --json report).
  if (e.reported) return exitCodeFor(e, runSignal);
  if (mode.json) {
    io.stdout.write(JSON.stringify(errorDocument(e, lang)) + '\n');
  } else if (e.kind === 'cancelled') {
    io.stderr.write(`${t(lang, 'cli.cancelled')}\n`);
  } else {
    const ch = colors(io).err;
    // Messages and codes may carry a server's or an app's words: shown escaped, never as controls.
    let out = `${labelled(lang, 'cli.error', printable(e.text(lang)), (l) => ch.red(l))}\n`;
    const facts = [
      e.info.code && !e.info.code.startsWith('HTTP_') ? t(lang, 'cli.code', { code: e.info.code }) : undefined,
      e.info.metaCode ? t(lang, 'cli.metaCode', { code: e.info.metaCode }) : undefined,
      e.info.requestId ? t(lang, 'cli.requestId', { id: e.info.requestId }) : undefined,
    ].filter(Boolean);
    if (facts.length) out += facts.join('   ') + '\n';
    const hint = e.hintText(lang);
    if (hint) out += `${labelled(lang, 'cli.hint', printable(hint), (l) => ch.dim(l))}\n`;
    if (e.kind === 'internal' && mode.verbose && e.cause instanceof Error && e.cause.stack) out += e.cause.stack + '\n';
    io.stderr.write(out);
  }
  // Shown once: a cleanup that meets the same error (a config write that failed) does not repeat it.
  if (err instanceof YcpError) err.reported = true;
  return exitCodeFor(e, runSignal);
}
