import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { readAll } from '../../src/core/stdin.js';

describe('readAll', () => {
  test('reads the whole stream', async () => {
    expect(await readAll(Readable.from([Buffer.from('abc'), 'def']))).toBe('abcdef');
  });

  test('cancelled mid-read: rejects instead of returning the part read so far as if it were all', async () => {
    const ac = new AbortController();
    async function* chunks() {
      yield Buffer.from('live-key-');
      ac.abort();
      yield Buffer.from('8c1d2e3f4a5b6c7d');
    }
    await expect(readAll(Readable.from(chunks()), ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('over the limit is a usage error (exit 2)', async () => {
    await expect(readAll(Readable.from([Buffer.alloc(11)]), undefined, 10)).rejects.toMatchObject({ kind: 'usage', message: 'the input on stdin is larger than 10 bytes' });
  });
});
