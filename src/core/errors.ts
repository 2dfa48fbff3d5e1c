// ARCHITECTURE §4: the kind alone picks the exit code. The table is a contract (`ycp help exit-codes`).
//
// | kind      | exit | raised when                                                                       |
// |-----------|------|-----------------------------------------------------------------------------------|
// | usage     | 2    | bad arguments or values; a prompt needed but not possible; an invalid config file |
// | auth      | 4    | no API key; YCloud answers 401                                                    |
// | pending   | 3    | the thing checked is not (yet) in the wanted state; a wait timed out               |
// | api       | 1    | any other YCloud 4xx/5xx                                                          |
// | network   | 1    | DNS, TLS, reset or timed-out connection                                           |
// | io        | 1    | the local file system refused: the config file or its folder cannot be read or    |
// |           |      | written (permission, read-only, full disk), is a symbolic link, or stays locked   |
// | cancelled | 130  | Ctrl-C, SIGTERM, a prompt left                                                    |
// | internal  | 1    | anything unclassified: a bug in ycp                                               |
import { tm, type Lang, type Msg } from '../i18n/index.js';

export type ErrorKind = 'usage' | 'auth' | 'pending' | 'api' | 'network' | 'io' | 'cancelled' | 'internal';

export const EXIT_CODE: Record<ErrorKind, number> = {
  usage: 2,
  auth: 4,
  pending: 3,
  api: 1,
  network: 1,
  io: 1,
  cancelled: 130,
  internal: 1,
};

export interface ErrorInfo {
  /** The hint in English (`hintText(lang)` gives it in the user's language). */
  hint?: string;
  /** YCloud's machine code (`error.code`), e.g. NOT_FOUND. */
  code?: string;
  requestId?: string;
  /** Meta's `whatsappApiError.code`, when YCloud wrapped one. */
  metaCode?: string;
  status?: number;
  /** Structured extra facts for --json (e.g. the offenders of `phone check`). */
  details?: unknown;
  cause?: unknown;
}

/** Words for a person: a catalog message (shown in the user's language), or text that is already words (a server's). */
export type Text = string | Msg;
/** What a YcpError is built from: the hint may be a catalog message too. */
export type ErrorInput = Omit<ErrorInfo, 'hint'> & { hint?: Text };

/**
 * `message` is English (logs, --verbose, other errors that quote it); a catalog message is kept too, and
 * reportError shows `text(lang)` / `hintText(lang)`, so the same error reads in the user's language.
 */
export class YcpError extends Error {
  override readonly name = 'YcpError';
  /** The message as a catalog entry, when it was made from one. */
  readonly msg?: Msg;
  private readonly hintMsg?: Msg;
  readonly info: ErrorInfo;
  /**
   * True once the error has been shown together with the result it belongs to (the last line of an NDJSON
   * stream, the `--json` report of init/status/doctor): run() then only maps its kind to the exit code.
   */
  reported = false;
  constructor(
    readonly kind: ErrorKind,
    message: Text,
    info: ErrorInput = {},
  ) {
    super(typeof message === 'string' ? message : tm('en', message), { cause: info.cause });
    if (typeof message !== 'string') this.msg = message;
    if (typeof info.hint === 'object') this.hintMsg = info.hint;
    this.info = { ...info, hint: typeof info.hint === 'object' ? tm('en', info.hint) : info.hint };
  }

  /** The message in `lang`. */
  text(lang: Lang): string {
    return this.msg ? tm(lang, this.msg) : this.message;
  }

  hintText(lang: Lang): string | undefined {
    return this.hintMsg ? tm(lang, this.hintMsg) : this.info.hint;
  }

  /** The message as a parameter of another one (`{reason}`): still translatable. */
  get words(): Text {
    return this.msg ?? this.message;
  }

  /** The info with the hint as given: for an error that re-raises this one with another message. */
  get input(): ErrorInput {
    return { ...this.info, hint: this.hintMsg ?? this.info.hint };
  }
}

export const usageError = (message: Text, hint?: Text) => new YcpError('usage', message, { hint });

/**
 * A run stopped by a signal exits 128 + its number (cleanups have run): SIGINT 130, the `cancelled`
 * row above, and SIGTERM 143. bin records the signal on the abort reason (`{ signal: 'SIGTERM' }`).
 */
const SIGNAL_EXIT_CODE: Partial<Record<NodeJS.Signals, number>> = { SIGINT: EXIT_CODE.cancelled, SIGTERM: 143 };

/** The signal that aborted `signal`, when bin recorded one. */
export function abortedBy(signal: AbortSignal | undefined): NodeJS.Signals | undefined {
  return signal?.aborted ? (signal.reason as { signal?: NodeJS.Signals } | undefined)?.signal : undefined;
}

export function signalExitCode(sig: NodeJS.Signals | undefined): number {
  return (sig && SIGNAL_EXIT_CODE[sig]) ?? EXIT_CODE.cancelled;
}

/** The exit code of an error; once the run was aborted by a signal, that signal's code. */
export function exitCodeFor(err: unknown, runSignal?: AbortSignal): number {
  if (runSignal?.aborted) return signalExitCode(abortedBy(runSignal));
  if (err instanceof YcpError) return err.kind === 'cancelled' ? signalExitCode(undefined) : EXIT_CODE[err.kind];
  return EXIT_CODE.internal;
}

/** True for the errors an AbortSignal produces (undici, timers, inquirer). */
/** What a cancelled wait rejects with, the way node's own aborted calls do: isAbortError knows it. */
export function abortError(message = 'The operation was aborted'): Error {
  return Object.assign(new Error(message), { name: 'AbortError' });
}

export function isAbortError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const name = (err as { name?: string }).name;
  return name === 'AbortError' || name === 'ExitPromptError' || (err as { code?: string }).code === 'ABORT_ERR';
}

export function toYcpError(err: unknown): YcpError {
  if (err instanceof YcpError) return err;
  if (isAbortError(err)) return new YcpError('cancelled', { key: 'cli.cancelled' }, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new YcpError('internal', { key: 'cli.internal', params: { message } }, { hint: { key: 'cli.internalHint' }, cause: err });
}

/** An error's words in `lang`, whatever was thrown. */
export const errorText = (err: unknown, lang: Lang): string => (err instanceof YcpError ? err.text(lang) : err instanceof Error ? err.message : String(err));
