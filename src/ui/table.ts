import type { Io } from '../core/context.js';
import { colors, displayWidth, padEnd, printable, relativeTime } from './format.js';

export interface Column<T> {
  header: string;
  get: (row: T) => string | number | boolean | undefined | null;
  /** An RFC 3339 time: relative on a TTY, as-is otherwise. */
  time?: boolean;
  color?: (value: string) => string | undefined;
}

/**
 * gh's table printer: aligned with a header on a TTY; tab-separated, headerless, uncoloured otherwise.
 * Cells are network text (WABA, template and business names): control characters are shown escaped,
 * so a name can neither add a row, split a column nor drive the terminal.
 */
export function formatTable<T>(io: Io, rows: T[], cols: Column<T>[], now: number): string {
  const tty = io.stdoutTTY;
  const cell = (c: Column<T>, r: T) => {
    const v = c.get(r);
    const s = v === undefined || v === null ? '' : printable(String(v));
    return tty && c.time ? relativeTime(s, now, io.lang) : s;
  };
  const body = rows.map((r) => cols.map((c) => cell(c, r)));
  if (!tty) return body.map((cells) => cells.join('\t') + '\n').join('');
  const widths = cols.map((c, i) => Math.max(displayWidth(c.header), ...body.map((cells) => displayWidth(cells[i]!))));
  const ch = colors(io).out;
  const line = (cells: string[], paint?: (s: string, i: number) => string) =>
    cells
      .map((s, i) => {
        const padded = i === cells.length - 1 ? s : padEnd(s, widths[i]!);
        return paint ? paint(padded, i) : padded;
      })
      .join('  ')
      .trimEnd() + '\n';
  const header = line(cols.map((c) => c.header.toUpperCase()), (s) => ch.bold(s));
  return (
    header +
    body
      .map((cells) =>
        line(cells, (s, i) => {
          const name = cols[i]!.color?.(cells[i]!);
          return name && name in ch ? (ch as unknown as Record<string, (x: string) => string>)[name]!(s) : s;
        }),
      )
      .join('')
  );
}

export function statusColor(status: string): string | undefined {
  switch (status) {
    case 'CONNECTED': case 'APPROVED': case 'active': case 'delivered': case 'read': case 'true':
      return 'green';
    case 'PENDING': case 'pending': case 'accepted': case 'sent': case 'IN_APPEAL': case 'FLAGGED': case 'WARNED': case 'RATE_LIMITED':
      return 'yellow';
    case 'BANNED': case 'BLOCKED': case 'RESTRICTED': case 'DISCONNECTED': case 'REJECTED': case 'failed': case 'disabled': case 'false':
      return 'red';
    default:
      return undefined;
  }
}
