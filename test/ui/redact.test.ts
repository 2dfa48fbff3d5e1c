// Issue 10 §3 at the Ctx seam: whoever echoes a secret back (YCloud in an error message or request id, an
// app answering `webhook trigger`), ycp masks it in every stream and mode. t.verify() runs the shared
// leak check over stdout + stderr, with every key the API was sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, expectNoSecrets, TEST_KEY, type TestCtx } from '../helpers/test-ctx.js';
import { aPage, aWaba, anEchoingError, anEndpoint, E164 } from '../helpers/builders.js';
import { until } from '../helpers/until.js';
import { cleanCommanderMessage, createSecrets, looksSecret, MIN_SECRET_LENGTH } from '../../src/ui/redact.js';

let t: TestCtx;
let used = false;
const ctx = (o: Parameters<typeof createTestCtx>[0] = {}) => ((used = true), createTestCtx(o));
afterEach(() => {
  if (!used) return;
  used = false;
  t.verify();
  t.dispose();
});

const MASKED = 'tes…a64'; // mask(TEST_KEY)
const modes = [[''], ['--json'], ['--verbose'], ['--json', '--verbose']];

describe('a YCloud that echoes the key', () => {
  test.each(modes)('waba list %s: exit 4, the key masked in the message and the request id', async (...given: string[]) => {
    const flags = given.filter(Boolean);
    t = ctx();
    t.api.on('GET', '/whatsapp/businessAccounts?page=1&limit=100').reply(401, anEchoingError(401, 'UNAUTHORIZED', TEST_KEY));
    expect(await t.run(['waba', 'list', ...flags])).toBe(4);
    if (flags.includes('--json')) expect(JSON.parse(t.stdout())).toMatchObject({ error: { kind: 'auth', message: `YCloud rejected the API key: invalid api key ${MASKED}`, requestId: MASKED } });
    else expect(t.stderr()).toContain(`request id: ${MASKED}`);
  });

  test('waba list --verbose: a success whose request id header is the key', async () => {
    t = ctx();
    t.api.on('GET', '/whatsapp/businessAccounts?page=1&limit=100').reply(200, aPage([aWaba()]), { 'ycloud-request-id': TEST_KEY });
    expect(await t.run(['waba', 'list', '--verbose'])).toBe(0);
    expect(t.stderr()).toMatch(new RegExp(`200 \\d+ms ${MASKED}\\n`));
  });

  test.each(modes)('message send %s: exit 1', async (...given: string[]) => {
    const flags = given.filter(Boolean);
    t = ctx();
    t.api.on('POST', '/whatsapp/messages').reply(400, anEchoingError(400, 'PARAM_INVALID', TEST_KEY));
    expect(await t.run(['message', 'send', '--from', E164, '--to', '+15550002222', '--text', 'hi', ...flags])).toBe(1);
    expect(t.stdout() + t.stderr()).toContain(`invalid api key ${MASKED}`);
  });

  test.each([[''], ['--json']])('doctor %s: the rejected-key check shows the echoed request id masked', async (...given: string[]) => {
    const flags = given.filter(Boolean);
    t = ctx();
    t.api.on('GET', '/balance').reply(401, anEchoingError(401, 'UNAUTHORIZED', TEST_KEY));
    expect(await t.run(['doctor', ...flags])).toBe(4);
    expect(t.stdout()).toContain(`request id ${MASKED}`);
  });

  test('login --with-key --json: the key from stdin, echoed in a 401, is masked', async () => {
    const key = 'stdin-key-0a1b2c3d4e5f6789';
    t = ctx({ noKey: true, stdin: `${key}\n` });
    t.api.on('GET', '/balance').reply(401, anEchoingError(401, 'UNAUTHORIZED', key));
    expect(await t.run(['login', '--with-key', '--json', '--verbose'])).toBe(4);
    expect(JSON.parse(t.stdout())).toMatchObject({ error: { kind: 'auth', requestId: 'std…789' } });
  });

  test('a key stored in another profile is masked too', async () => {
    const other = 'other-profile-key-99887766';
    const dir = mkdtempSync(join(tmpdir(), 'ycp-profiles-'));
    const setup = createTestCtx({ env: { YCP_CONFIG_DIR: dir } });
    await (await setup.ctx.config()).store.set('work', 'apiKey', other);
    setup.dispose();
    t = ctx({ env: { YCP_CONFIG_DIR: dir }, secrets: [other] });
    t.ctx.defer(() => rmSync(dir, { recursive: true, force: true }));
    t.api.on('GET', '/whatsapp/businessAccounts?page=1&limit=100').reply(401, anEchoingError(401, 'UNAUTHORIZED', other));
    expect(await t.run(['waba', 'list'])).toBe(4);
    expect(t.stderr()).toContain('oth…766');
  });
});

describe('webhook secrets', () => {
  test('trigger: an app that answers with the --secret has it masked', async () => {
    const secret = 'whsec_trigger_echo_00112233445566';
    t = ctx({ secrets: [secret] });
    t.agent.get('http://127.0.0.1:3999').intercept({ path: '/hook', method: 'POST' }).reply(400, `bad signature for ${secret}`);
    expect(await t.run(['webhook', 'trigger', 'whatsapp.message.updated', '--to', 'http://127.0.0.1:3999/hook', '--secret', secret])).toBe(1);
    expect(t.stderr()).toContain('the app answered: bad signature for whsec_tri…566');
  });

  test('YCLOUD_WEBHOOK_SECRET is known from the start', async () => {
    const secret = 'whsec_env_secret_aabbccddeeff0011';
    t = ctx({ env: { YCLOUD_WEBHOOK_SECRET: secret }, secrets: [secret] });
    t.agent.get('http://127.0.0.1:3999').intercept({ path: '/hook', method: 'POST' }).reply(500, secret);
    expect(await t.run(['webhook', 'trigger', 'whatsapp.message.updated', '--to', 'http://127.0.0.1:3999/hook', '--json'])).toBe(1);
  });
});

describe('endpoint secrets', () => {
  const EP = anEndpoint();
  test('rotate-secret: the new secret is shown masked, with --verbose too', async () => {
    t = ctx({ secrets: [EP.secret!] });
    t.api.on('POST', `/webhookEndpoints/${EP.id}/rotateSecret`).reply(200, EP);
    expect(await t.run(['webhook', 'endpoint', 'rotate-secret', EP.id, '--verbose'])).toBe(0);
    expect(t.stdout()).toContain('secret\twhsec_abc…3f1');
  });

  test('--show-secret shows it in full even when YCLOUD_WEBHOOK_SECRET holds the same value', async () => {
    t = ctx({ env: { YCLOUD_WEBHOOK_SECRET: EP.secret } });
    t.api.on('GET', '/webhookEndpoints?page=1&limit=100').reply(200, aPage([EP]));
    expect(await t.run(['webhook', 'endpoint', 'list', '--show-secret', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())[0].secret).toBe(EP.secret);
  });
});

describe('commander errors', () => {
  test.each([
    [['login', `--key=${TEST_KEY}`], "unknown option '--key=…'"],
    [['login', `--api-key=${TEST_KEY}`, '--json'], "unknown option '--api-key=…'"],
    [['waba', 'get', '1', '--token', TEST_KEY], "unknown option '--token'"],
    [['webhook', 'listen', '--port', TEST_KEY], `argument '${MASKED}' is invalid`],
  ])('%j → exit 2 without the value', async (argv, shown) => {
    t = ctx();
    expect(await t.run(argv)).toBe(2);
    expect(t.stdout() + t.stderr()).toContain(shown);
  });
});

describe('the sandbox key is printed on purpose', () => {
  test('even when YCLOUD_API_KEY holds the same key (a restarted --state sandbox)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ycp-sbx-'));
    try {
      const state = join(dir, 'state.json');
      t = ctx({ noKey: true });
      const first = t.run(['sandbox', '--port', '0', '--json', '--state', state]);
      await until(() => t.stdout().trim().endsWith('}'), 'the sandbox JSON line');
      const key = JSON.parse(t.stdout()).apiKey as string;
      t.abort();
      expect(await first).toBe(0);
      t.dispose();
      t = ctx({ env: { YCLOUD_API_KEY: key } });
      const again = t.run(['sandbox', '--port', '0', '--state', state]);
      await until(() => t.stdout().includes('\n'), 'the restarted sandbox export line');
      expect(t.stdout()).toContain(`YCLOUD_API_KEY=${key}\n`);
      t.abort();
      expect(await again).toBe(0);
      // No t.verify(): the key is in the output on purpose.
      t.dispose();
      used = false;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the registry and the commander cleaner', () => {
  test('masks every registered value as written, JSON-escaped and percent-encoded; ignores short ones', () => {
    const s = createSecrets();
    s.add('short');
    s.add('key"with/quote+0123');
    expect(MIN_SECRET_LENGTH).toBe(8);
    expect(s.redact('short')).toBe('short');
    const text = `${'key"with/quote+0123'} ${JSON.stringify('key"with/quote+0123')} ${encodeURIComponent('key"with/quote+0123')}`;
    expect(s.redact(text)).toBe('key…123 "key…123" key…123');
    s.reveal('key"with/quote+0123');
    expect(s.redact('key"with/quote+0123')).toBe('key"with/quote+0123');
    expectNoSecrets(createSecrets().redact('nothing registered'), []);
  });

  test('looksSecret: long single words with letters and digits; not IDs, names, URLs', () => {
    expect(looksSecret(TEST_KEY)).toBe(true);
    expect(looksSecret('whsec_0123456789abcdef')).toBe(true);
    for (const v of ['104996844321234', 'whatsapp.message.updated', 'https://example.com/x1234567890', 'short1']) expect(looksSecret(v), v).toBe(false);
    expect(cleanCommanderMessage("error: unknown option '-k=abc'", [])).toBe("error: unknown option '-k=…'");
    expect(cleanCommanderMessage("error: unknown command 'wabba'", ['wabba'])).toBe("error: unknown command 'wabba'");
  });
});
