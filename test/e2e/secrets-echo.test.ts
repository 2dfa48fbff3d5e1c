// Issue 10 §3, on the built binary: a server that echoes the API key back (in its error message, in the
// error's requestId, in the ycloud-request-id header of a success) must not make ycp print the key,
// on stderr or stdout, with --json or --verbose. Nor may commander's "unknown option" error echo a key
// typed as `--key=<KEY>`.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin, type BinResult } from '../helpers/run-bin.js';
import { startFakeYcloud, type FakeYcloud } from '../helpers/fake-ycloud.js';
import { aPage, aWaba, anError, E164 } from '../helpers/builders.js';
import { expectNoSecrets } from '../helpers/test-ctx.js';

const KEY = 'echo-key-7d1e9a3c5b2f8e40';
const echo = (status: number, code: string) => () => ({ status, body: anError(status, code, `invalid api key ${KEY}`, { requestId: KEY }) });

let api: FakeYcloud;
beforeAll(async () => {
  api = await startFakeYcloud(
    {
      'GET /balance': echo(401, 'UNAUTHORIZED'),
      'GET /whatsapp/businessAccounts': [
        echo(401, 'UNAUTHORIZED'),
        echo(401, 'UNAUTHORIZED'),
        echo(401, 'UNAUTHORIZED'),
        // then a success whose request-id header is the key (what --verbose logs)
        () => ({ status: 200, body: aPage([aWaba()]), headers: { 'ycloud-request-id': KEY } }),
      ],
      'POST /whatsapp/messages': echo(400, 'PARAM_INVALID'),
    },
    KEY,
  );
});
afterAll(() => api.close());

const env = { YCLOUD_API_KEY: KEY };
const run = (args: string[], o: { env?: Record<string, string | undefined>; input?: string } = {}) =>
  runBin(args, { env: { YCLOUD_BASE_URL: api.baseUrl, ...o.env }, input: o.input });
const noKey = (r: BinResult) => expectNoSecrets(r.stdout + r.stderr, [KEY]);

describe('a server that echoes the key', () => {
  test('waba list: exit 4, the message is shown with the key masked', async () => {
    const r = await run(['waba', 'list'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('YCloud rejected the API key: invalid api key ech…e40');
    expect(r.stderr).toContain('request id: ech…e40');
    noKey(r);
  });

  test('waba list --json: the error document on stdout is masked and still JSON', async () => {
    const r = await run(['waba', 'list', '--json'], { env });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { kind: 'auth', requestId: 'ech…e40' } });
    noKey(r);
  });

  test('waba list --verbose: the logged request id of a success is masked', async () => {
    const r = await run(['waba', 'list', '--verbose'], { env });
    expect(r.code).toBe(4);
    const ok = await run(['waba', 'list', '--verbose'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/\[verbose\] GET \/whatsapp\/businessAccounts\?page=1&limit=100 200 \d+ms ech…e40/);
    noKey(r);
    noKey(ok);
  });

  test('doctor and doctor --json', async () => {
    // A rejected key: exit 4, like every other command (docs/init.md).
    const r = await run(['doctor'], { env });
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('ech…e40');
    noKey(r);
    const j = await run(['doctor', '--json'], { env });
    expect(j.code).toBe(4);
    expect(JSON.parse(j.stdout).ok).toBe(false);
    noKey(j);
  });

  test('message send: exit 1, with and without --json', async () => {
    const args = ['message', 'send', '--from', E164, '--to', '+15550002222', '--text', 'hi'];
    const r = await run(args, { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid api key ech…e40');
    noKey(r);
    const j = await run([...args, '--json', '--verbose'], { env });
    expect(j.code).toBe(1);
    noKey(j);
  });

  test('login --with-key --json: the key read from stdin is masked too', async () => {
    const r = await run(['login', '--with-key', '--json', '--verbose'], { input: `${KEY}\n` });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { kind: 'auth', message: 'YCloud rejected that API key; nothing was saved' } });
    noKey(r);
  });
});

describe('commander errors', () => {
  test('login --key=<KEY>: exit 2, the value after = is not echoed', async () => {
    const r = await run(['login', `--key=${KEY}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--key=…'");
    noKey(r);
    const j = await run(['login', `--key=${KEY}`, '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).error.message).toContain("unknown option '--key=…'");
    noKey(j);
  });

  test('a key-like value in any other commander error is masked', async () => {
    const r = await run(['webhook', 'listen', '--port', KEY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'ech…e40' is invalid");
    noKey(r);
  });
});
