import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { anError } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const NEW_KEY = 'live-key-8c1d2e3f4a5b6c7d';

describe('ycp login', () => {
  test('--with-key reads stdin, verifies with GET /balance, stores the key with mode 0600', async () => {
    t = createTestCtx({ noKey: true, stdin: `${NEW_KEY}\n`, secrets: [NEW_KEY] });
    t.api.on('GET', '/balance').reply(200, { amount: 12.5, currency: 'USD' });
    expect(await t.run(['login', '--with-key'])).toBe(0);
    expect(t.api.requests[0]!.headers['x-api-key']).toBe(NEW_KEY);
    const file = join(t.configDir, 'config.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).profiles.default.apiKey).toBe(NEW_KEY);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(t.stderr()).toBe('✓ Logged in: profile "default", key liv…c7d, balance 12.5 USD\n');
  });

  test('a rejected key is not saved: exit 4', async () => {
    t = createTestCtx({ noKey: true, stdin: NEW_KEY, secrets: [NEW_KEY] });
    t.api.on('GET', '/balance').reply(401, anError(401, 'UNAUTHORIZED', 'Invalid API key'));
    expect(await t.run(['login', '--with-key'])).toBe(4);
    expect(t.stderr()).toContain('YCloud rejected that API key; nothing was saved');
    expect(() => readFileSync(join(t.configDir, 'config.json'), 'utf8')).toThrow();
  });

  test('on a TTY it asks with a hidden prompt', async () => {
    t = createTestCtx({ noKey: true, stdinTTY: true, stdoutTTY: true, answers: { '--with-key': NEW_KEY }, secrets: [NEW_KEY] });
    t.api.on('GET', '/balance').reply(200, { amount: 0, currency: 'USD' });
    expect(await t.run(['login', '--profile', 'work'])).toBe(0);
    expect(JSON.parse(readFileSync(join(t.configDir, 'config.json'), 'utf8')).profiles.work.apiKey).toBe(NEW_KEY);
  });

  test('--with-key with something far too big on stdin (a wrong file) is exit 2, not an internal error', async () => {
    t = createTestCtx({ noKey: true, stdin: 'x'.repeat(2 << 20) });
    expect(await t.run(['login', '--with-key'])).toBe(2);
    expect(t.stderr()).toMatch(/^error: the input on stdin is larger than 1 MiB\n/);
    expect(t.stderr()).not.toContain('internal error');
  });

  test('--profile __proto__ is refused before anything is sent, not "logged in" with the key silently dropped', async () => {
    t = createTestCtx({ noKey: true, stdin: NEW_KEY, secrets: [NEW_KEY] });
    expect(await t.run(['--profile', '__proto__', 'login', '--with-key'])).toBe(2);
    expect(t.stderr()).toContain('invalid profile name "__proto__"');
    expect(t.api.requests).toEqual([]);
  });

  test('not interactive and no --with-key: exit 2 naming the flag', async () => {
    t = createTestCtx({ noKey: true });
    expect(await t.run(['login'])).toBe(2);
    expect(t.stderr()).toContain('--with-key is required when not interactive');
  });
});
