import type { Io } from '../core/context.js';
import { canAnimate } from './io.js';
import { overlayStream } from './overlay.js';

export interface Spinner {
  update(text: string): void;
  stop(): void;
}

const noop: Spinner = { update() {}, stop() {} };

/**
 * ora on stderr, only on a sized TTY outside CI and never under --json. It appears after ~300 ms so
 * quick calls don't flicker. ora is imported only when a spinner really starts.
 */
export function startSpinner(io: Io, text: string, opts: { json?: boolean; delayMs?: number } = {}): Spinner {
  if (!canAnimate(io, opts.json)) return noop;
  let current = text;
  let stopped = false;
  let ora: { text: string; stop(): void } | undefined;
  const timer = setTimeout(async () => {
    const { default: makeOra } = await import('ora');
    if (stopped) return;
    ora = makeOra({ text: current, stream: atLeastOneColumn(io.stderr as NodeJS.WriteStream), discardStdin: false, isEnabled: true, color: io.color.stderr ? 'cyan' : false }).start();
  }, opts.delayMs ?? 300);
  return {
    update(t) {
      current = t;
      if (ora) ora.text = t;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      ora?.stop();
    },
  };
}

/**
 * ora divides by the terminal width to count the lines it must clear: at 0 columns (a terminal shrunk
 * to nothing after the spinner started) that is Infinity, and a synchronous loop of cursor escapes that
 * blocks the event loop, Ctrl-C included. The stream ora gets never reports fewer than one column.
 */
function atLeastOneColumn(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return overlayStream(stream, {
    get columns() {
      return Math.max(1, stream.columns || 0);
    },
  });
}
