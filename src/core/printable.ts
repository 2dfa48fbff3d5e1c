// Issue 10 §5: text from the network (webhook events, API answers, an app's reply, a signup callback)
// must not be able to forge a line of our output or drive the terminal. Every human-readable field
// that comes from outside goes through printable() before it is shown; --json output does not (JSON's
// own escaping already makes it inert, and it must stay the exact value).

/**
 * C0 controls (newline, carriage return, tab, ESC, …), DEL, C1 controls (CSI is U+009B), the line and
 * paragraph separators, and the bidi overrides/isolates/marks that reorder what a terminal shows.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `s` with every unsafe character shown as an escape (`\n`, `\x1b`, `\u202e`); safe text is unchanged. */
export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
