// The listen helper shared by `signup serve`, `webhook listen` and the sandbox.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { closeServer, listenOn } from '../../src/core/local-http.js';

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => (s.listening ? closeServer(s) : undefined)));
});
const server = () => {
  const s = createServer();
  open.push(s);
  return s;
};

describe('listenOn', () => {
  test('binds 127.0.0.1 on a free port by default', async () => {
    const addr = await listenOn(server());
    expect(addr.address).toBe('127.0.0.1');
    expect(addr.port).toBeGreaterThan(0);
  });

  test('a port in use is a usage error naming the port and --port (exit 2), not an internal error', async () => {
    const { port } = await listenOn(server());
    await expect(listenOn(server(), { port })).rejects.toMatchObject({
      name: 'YcpError',
      kind: 'usage',
      message: `port ${port} on 127.0.0.1 is already in use`,
      info: { hint: 'pick another with --port N, or --port 0 for any free port' },
    });
  });

  test('an already aborted run rejects at once instead of waiting forever for "listening"', async () => {
    const ac = new AbortController();
    ac.abort();
    const s = server();
    const outcome = await Promise.race([
      listenOn(s, { signal: ac.signal }).then(
        () => 'resolved',
        (e: Error) => e.name,
      ),
      new Promise((r) => setTimeout(() => r('hung'), 2_000).unref()),
    ]);
    expect(outcome).toBe('AbortError');
    expect(s.listening).toBe(false);
  });
});
