// The one redaction pass (issue 10 §3). Every write to stdout and stderr goes through `redacting()`,
// wired in createIo, so a secret that comes back to us (a server echoing the API key in its error, a
// request id, a stack trace) is masked whatever printed it: a --json document, an error, a --verbose
// line, a prompt's echo, a table. Secrets are registered as they become known (ctx.io.secrets.add).
import type { Secrets } from '../core/context.js';
import { mask } from './format.js';
import { overlayStream } from './overlay.js';

/**
 * Shorter values are not registered: masking every "abc" in the output would garble it, and no real key
 * or secret is this short (`login` and `init` refuse a key under 8 characters; webhook secrets are
 * `whsec_` and more).
 */
export const MIN_SECRET_LENGTH = 8;

export function createSecrets(): Secrets {
  const known = new Set<string>();
  const revealed = new Set<string>();
  // [form as it may appear in output, its masked replacement], longest first.
  let forms: [string, string][] = [];
  const rebuild = () => {
    const out = new Map<string, string>();
    for (const s of known) {
      const masked = mask(s);
      // As written, inside a JSON string, and percent-encoded in a logged URL.
      for (const form of [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]) if (!out.has(form)) out.set(form, masked);
    }
    forms = [...out].sort((a, b) => b[0].length - a[0].length);
  };
  return {
    add(value) {
      if (typeof value !== 'string') return;
      const v = value.trim();
      if (v.length < MIN_SECRET_LENGTH || known.has(v) || revealed.has(v)) return;
      known.add(v);
      rebuild();
    },
    reveal(value) {
      revealed.add(value);
      if (known.delete(value)) rebuild();
    },
    redact(text) {
      for (const [form, masked] of forms) if (text.includes(form)) text = text.split(form).join(masked);
      return text;
    },
    get size() {
      return known.size;
    },
  };
}

type Write = (chunk: unknown, encoding?: unknown, cb?: unknown) => boolean;

/**
 * The stream with `write` redacting, everything else (isTTY, columns, on, end, …) the stream's own.
 * A Proxy rather than a wrapper stream: ora and @inquirer read TTY facts and call cursor methods on
 * what they are given, and piping into process.stderr must still see it as stdio (never ended).
 */
export function redacting<T extends NodeJS.WritableStream>(stream: T, secrets: Secrets): T {
  const own = stream.write.bind(stream) as Write;
  const write: Write = (chunk, encoding, cb) => {
    if (secrets.size === 0) return own(chunk, encoding, cb);
    if (typeof chunk === 'string') return own(secrets.redact(chunk), encoding, cb);
    if (chunk instanceof Uint8Array) {
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
      const clean = secrets.redact(text);
      if (clean !== text) return typeof encoding === 'function' ? own(clean, 'utf8', encoding) : own(clean, 'utf8', cb);
    }
    return own(chunk, encoding, cb);
  };
  return overlayStream(stream, { write });
}

/** An argv value that may be a key or secret: long, one word, letters and digits (not a bare ID). */
export function looksSecret(v: string): boolean {
  return v.length >= 16 && /^[\w+/=.~-]+$/.test(v) && /[A-Za-z]/.test(v) && /\d/.test(v);
}

/**
 * Commander quotes what it could not parse ("unknown option '--key=<KEY>'", "argument '<KEY>' is
 * invalid"). The value after `=` is never echoed, and neither is any argv value that looks like a
 * secret: a key pasted into the wrong flag must not land in a terminal log or a CI transcript.
 */
export function cleanCommanderMessage(text: string, argv: readonly string[]): string {
  let out = text.replace(/(^|[\s'"(])(--?[A-Za-z0-9][\w-]*)=[^\s'"]*/g, '$1$2=…');
  const values = argv.flatMap((a) => (a.startsWith('-') && a.includes('=') ? [a.slice(a.indexOf('=') + 1)] : [a]));
  for (const v of values.filter(looksSecret).sort((a, b) => b.length - a.length)) out = out.split(v).join(mask(v));
  return out;
}
