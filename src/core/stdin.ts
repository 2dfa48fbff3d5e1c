import { abortError, usageError } from './errors.js';
import { msg } from '../i18n/index.js';

/** Reads a whole stream (stdin) as UTF-8, up to a limit. */
export async function readAll(stream: NodeJS.ReadableStream, signal?: AbortSignal, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    // Cancelled: never hand back half an input (half a key) as if it were the whole.
    if (signal?.aborted) throw abortError();
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    // What was piped in is the user's to fix (a wrong file), not a bug in ycp.
    if (size > limit) throw usageError(msg('input.stdinTooLarge', { limit: formatLimit(limit) }), msg('input.stdinTooLargeHint'));
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function formatLimit(bytes: number): string {
  return bytes % (1 << 20) === 0 ? `${bytes >> 20} MiB` : `${bytes} bytes`;
}
