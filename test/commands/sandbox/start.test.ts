// `ycp sandbox` in process, at the Ctx seam: output on the right streams, runs until the signal aborts.
import { afterEach, expect, test } from 'vitest';
import { SEED_NAMES } from '../../../src/core/sandbox/index.js';
import { buildProgram } from '../../../src/cli.js';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { until } from '../../helpers/until.js';

let t: TestCtx | undefined;
afterEach(() => t?.dispose());

test('the --seed choices match the seeds the sandbox knows', () => {
  t = createTestCtx();
  const sandbox = buildProgram(t.ctx).commands.find((c) => c.name() === 'sandbox')!;
  expect(sandbox.options.find((o) => o.long === '--seed')!.argChoices).toEqual([...SEED_NAMES]);
});

test('--json prints one object with the base URL and a sandbox key, serves until aborted, then closes', async () => {
  t = createTestCtx({ noKey: true });
  const running = t.run(['sandbox', '--port', '0', '--json', '--time-scale', '10']);
  await until(() => t!.stdout().trim().endsWith('}'), 'the JSON line on stdout');
  const info = JSON.parse(t.stdout());
  expect(info).toMatchObject({ seed: 'default', timeScale: 10, statePath: null });
  expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
  const res = await fetch(`${info.baseUrl}/balance`, { headers: { 'x-api-key': info.apiKey } });
  expect(res.status).toBe(200);
  t.abort();
  expect(await running).toBe(0);
  expect(t.stderr()).toBe('');
  await expect(fetch(`${info.baseUrl}/balance`)).rejects.toThrow(); // closed by the deferred cleanup
});

test('human mode: the export line on stdout, the rest on stderr', async () => {
  t = createTestCtx({ noKey: true });
  const running = t.run(['sandbox', '--port', '0']);
  await until(() => t!.stdout().includes('\n'), 'the export line on stdout');
  expect(t.stdout()).toMatch(/^export YCLOUD_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v2 YCLOUD_API_KEY=sbx_[0-9a-f]{32}\n$/);
  expect(t.stderr()).toMatch(/YCloud sandbox listening on http:\/\/127\.0\.0\.1:\d+\/v2 \(seed default, time ×1\)/);
  expect(t.stderr()).toContain('/_sandbox/fb/sdk.js');
  t.abort();
  expect(await running).toBe(0);
  expect(t.stderr()).toMatch(/sandbox stopped\n$/);
});

test('a port in use is a usage error naming --port', async () => {
  const { createServer } = await import('node:net');
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  const port = (busy.address() as { port: number }).port;
  t = createTestCtx({ noKey: true });
  expect(await t.run(['sandbox', '--port', String(port)])).toBe(2);
  expect(t.stderr()).toMatch(/port \d+ on 127\.0\.0\.1 is already in use/);
  busy.close();
});
