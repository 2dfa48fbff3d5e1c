import type { Io } from '../core/context.js';
import { canAnimate } from './io.js';

export interface Spinner {
  update(text: string): void;
  stop(): void;
}

const noop: Spinner = { update() {}, stop() {} };

/**
 * ora on stderr, only on a TTY outside CI and never under --json. It appears after ~300 ms so quick
 * calls don't flicker. ora is imported only when a spinner really starts.
 */
export function startSpinner(io: Io, text: string, opts: { json?: boolean; delayMs?: number } = {}): Spinner {
  if (!canAnimate(io, opts.json)) return noop;
  let current = text;
  let stopped = false;
  let ora: { text: string; stop(): void } | undefined;
  const timer = setTimeout(async () => {
    const { default: makeOra } = await import('ora');
    if (stopped) return;
    ora = makeOra({ text: current, stream: io.stderr as NodeJS.WriteStream, discardStdin: false, isEnabled: true, color: io.color.stderr ? 'cyan' : false }).start();
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
