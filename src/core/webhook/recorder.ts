// `listen --output FILE`: every verified event is appended as one NDJSON line and flushed to disk
// before the delivery is acknowledged (CLI.md §7), so a crash after a 2xx never loses an event.
// Concurrent deliveries share one write + one fdatasync (group commit): durability per event
// without paying one disk flush per request.
import { writeSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';

export interface EventRecorder {
  readonly path: string;
  /** True when an event with this id is already in the file (this run or an earlier one). */
  has(id: string): boolean;
  /** Ids found in the file when it was opened (an earlier run). */
  readonly loadedIds: readonly string[];
  /** Appends one line; resolves only after the bytes reached the disk. Ignores an id already recorded. */
  append(id: string, event: unknown, raw?: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** Two overlapping syncs measured best on these machines (bench/listen.mjs); more only adds syscalls. */
const MAX_SYNCS_IN_FLIGHT = 2;

interface Pending {
  buf: Buffer;
  resolve(): void;
  reject(err: unknown): void;
}

/** Reads the ids of an existing NDJSON file; a torn last line (a crash mid-write) is skipped. */
export async function readRecordedEvents(path: string): Promise<{ events: Record<string, unknown>[]; endsWithNewline: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], endsWithNewline: true };
    throw err;
  }
  const events: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as unknown;
      if (e && typeof e === 'object' && !Array.isArray(e)) events.push(e as Record<string, unknown>);
    } catch {
      // a partial line from an interrupted write: it was never acknowledged, YCloud will resend it
    }
  }
  return { events, endsWithNewline: text.length === 0 || text.endsWith('\n') };
}

export async function openRecorder(path: string): Promise<EventRecorder> {
  const { events, endsWithNewline } = await readRecordedEvents(path);
  const ids = new Set<string>();
  for (const e of events) if (typeof e.id === 'string') ids.add(e.id);
  const loadedIds = [...ids];
  const fh: FileHandle = await open(path, 'a', 0o600);
  // Keep the next line from being glued to a torn one.
  if (!endsWithNewline) await fh.appendFile('\n');
  let queue: Pending[] = [];
  let active = 0;
  let closed = false;

  // Writes go to the page cache synchronously, in order (a few microseconds for a batch); only the
  // fdatasync waits on the disk, off the main thread. Syncs of consecutive batches may overlap, since
  // a sync issued after a write covers it. A line is acknowledged only after its own batch's sync.
  function pump(): void {
    while (queue.length && active < MAX_SYNCS_IN_FLIGHT) {
      const batch = queue;
      queue = [];
      try {
        const buf = batch.length === 1 ? batch[0]!.buf : Buffer.concat(batch.map((p) => p.buf));
        for (let off = 0; off < buf.length; ) off += writeSync(fh.fd, buf, off, buf.length - off);
      } catch (err) {
        batch.forEach((p) => p.reject(err));
        continue;
      }
      active++;
      fh.datasync()
        .then(
          () => batch.forEach((p) => p.resolve()),
          (err) => batch.forEach((p) => p.reject(err)),
        )
        .finally(() => {
          active--;
          pump();
        });
    }
  }

  return {
    path,
    loadedIds,
    has: (id) => ids.has(id),
    append(id, event, raw) {
      if (closed) return Promise.reject(new Error(`the output file ${path} is closed`));
      if (ids.has(id)) return Promise.resolve();
      // Reserve the id now so a concurrent duplicate never writes a second line.
      ids.add(id);
      return new Promise<void>((resolve, reject) => {
        queue.push({
          buf: lineFor(event, raw),
          resolve,
          reject: (err) => {
            ids.delete(id); // not on disk: a redelivery must be able to record it
            reject(err);
          },
        });
        pump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      while (active || queue.length) await new Promise((r) => setImmediate(r));
      await fh.close();
    },
  };
}

const NL = Buffer.from('\n');
/** The exact bytes YCloud signed when they fit on one line (cheaper, and replay sends what came). */
function lineFor(event: unknown, raw?: Buffer): Buffer {
  if (raw && !raw.includes(0x0a) && !raw.includes(0x0d)) return Buffer.concat([raw, NL]);
  return Buffer.from(JSON.stringify(event) + '\n');
}
