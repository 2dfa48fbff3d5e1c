import type { Io } from '../core/context.js';
import { YcpError, exitCodeFor, toYcpError } from '../core/errors.js';
import { colors, printable } from './format.js';

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
  const w = Math.max(...shown.map(([k]) => k.length));
  const ch = colors(io).out;
  return shown.map(([k, v]) => `${ch.dim(k.padEnd(w))}  ${v}`).join('\n') + '\n';
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
      emitLine(io, errorDocument(err));
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

export function errorDocument(e: YcpError) {
  const { code, requestId, hint, metaCode, details } = e.info;
  return { error: { kind: e.kind, message: e.message, code, requestId, metaCode, hint, details } };
}

/**
 * Prints an error the way CLI.md §4–5 says and returns its exit code (`runSignal`: the run's abort
 * signal, so SIGTERM exits 143).
 */
export function reportError(io: Io, err: unknown, mode: OutputMode, runSignal?: AbortSignal): number {
  const e = toYcpError(err);
  // Already shown with the result it belongs to (the last NDJSON line, a --json report).
  if (e.reported) return exitCodeFor(e, runSignal);
  if (mode.json) {
    io.stdout.write(JSON.stringify(errorDocument(e)) + '\n');
  } else if (e.kind === 'cancelled') {
    io.stderr.write('cancelled\n');
  } else {
    const ch = colors(io).err;
    // Messages and codes may carry a server's or an app's words: shown escaped, never as controls.
    let out = `${ch.red('error:')} ${printable(e.message)}\n`;
    const facts = [
      e.info.code && !e.info.code.startsWith('HTTP_') ? `code: ${printable(e.info.code)}` : undefined,
      e.info.metaCode ? `meta code: ${printable(e.info.metaCode)}` : undefined,
      e.info.requestId ? `request id: ${printable(e.info.requestId)}` : undefined,
    ].filter(Boolean);
    if (facts.length) out += facts.join('   ') + '\n';
    if (e.info.hint) out += `${ch.dim('hint:')} ${printable(e.info.hint)}\n`;
    if (e.kind === 'internal' && mode.verbose && e.cause instanceof Error && e.cause.stack) out += e.cause.stack + '\n';
    io.stderr.write(out);
  }
  // Shown once: a cleanup that meets the same error (a config write that failed) does not repeat it.
  if (err instanceof YcpError) err.reported = true;
  return exitCodeFor(e, runSignal);
}
