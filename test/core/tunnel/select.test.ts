import { tm } from '../../../src/i18n/index.js';
import { describe, expect, test } from 'vitest';
import { createExecaSpawner } from '../../../src/core/process/spawn.js';
import { systemClock } from '../../../src/core/clock.js';
import { selectTunnel, domainToAllow } from '../../../src/core/tunnel/select.js';
import { loadNgrok, ngrokTunnel, type NgrokModule } from '../../../src/core/tunnel/ngrok.js';
import type { YcpError } from '../../../src/core/errors.js';
import { FAKE_BIN, PATH_WITH_FAKE, PATH_WITHOUT } from '../../helpers/tunnel.js';
import { until } from '../../helpers/until.js';

const ctx = (env: Record<string, string | undefined>) => ({ env, spawn: createExecaSpawner(), signal: new AbortController().signal, clock: systemClock });
const forwarded: unknown[] = [];
const fakeNgrok: NgrokModule = {
  async forward(cfg) {
    forwarded.push(cfg);
    return { url: () => `https://${cfg.domain ?? 'a1b2-c3.ngrok-free.app'}`, close: async () => void forwarded.push('closed') };
  },
};
const withNgrok = { loadNgrok: async () => fakeNgrok };
const noNgrok = { loadNgrok: async () => undefined };

describe('selectTunnel', () => {
  test('auto picks cloudflared when it is on PATH and says where it found it', async () => {
    const s = await selectTunnel(ctx({ PATH: PATH_WITH_FAKE, NGROK_AUTHTOKEN: 'tok' }), { kind: 'auto' }, withNgrok);
    expect(s.tunnel.provider).toBe('cloudflared');
    expect(s.tunnel.ephemeral).toBe(true);
    expect(tm('en', s.why)).toBe(`cloudflared found on PATH (${FAKE_BIN}/cloudflared)`);
  });

  test('auto falls back to ngrok when cloudflared is missing and NGROK_AUTHTOKEN is set', async () => {
    const s = await selectTunnel(ctx({ PATH: PATH_WITHOUT, NGROK_AUTHTOKEN: 'tok' }), { kind: 'auto' }, withNgrok);
    expect(s.tunnel.provider).toBe('ngrok');
    expect(tm('en', s.why)).toBe('cloudflared is not on PATH; NGROK_AUTHTOKEN is set, so using ngrok');
  });

  test('auto with nothing available is exit 2 saying why each provider was skipped', async () => {
    await expect(selectTunnel(ctx({ PATH: PATH_WITHOUT }), { kind: 'auto' }, withNgrok)).rejects.toMatchObject({
      kind: 'usage',
      message: 'no tunnel is available: cloudflared is not on PATH and NGROK_AUTHTOKEN is not set',
    });
    await expect(selectTunnel(ctx({ PATH: PATH_WITHOUT, NGROK_AUTHTOKEN: 'tok' }), { kind: 'auto' }, noNgrok)).rejects.toMatchObject({
      message: 'no tunnel is available: cloudflared is not on PATH and the optional package @ngrok/ngrok is not installed',
    });
  });

  test('--domain (a reserved ngrok domain) makes auto pick ngrok, even with cloudflared present', async () => {
    const s = await selectTunnel(ctx({ PATH: PATH_WITH_FAKE, NGROK_AUTHTOKEN: 'tok' }), { kind: 'auto', domain: 'acme.ngrok.app' }, withNgrok);
    expect(s.tunnel.provider).toBe('ngrok');
    expect(s.tunnel.ephemeral).toBe(false);
    expect(tm('en', s.why)).toContain('--domain acme.ngrok.app');
  });

  test('explicit providers fail with exit 2 when unavailable', async () => {
    await expect(selectTunnel(ctx({ PATH: PATH_WITHOUT }), { kind: 'cloudflared' })).rejects.toMatchObject({ kind: 'usage', message: '--tunnel cloudflared: cloudflared is not on PATH' });
    await expect(selectTunnel(ctx({ PATH: PATH_WITH_FAKE }), { kind: 'ngrok' }, withNgrok)).rejects.toMatchObject({ kind: 'usage', message: '--tunnel ngrok: NGROK_AUTHTOKEN is not set' });
    await expect(selectTunnel(ctx({ NGROK_AUTHTOKEN: 't' }), { kind: 'ngrok' }, noNgrok)).rejects.toMatchObject({ message: '--tunnel ngrok: the optional package @ngrok/ngrok is not installed' });
    await expect(selectTunnel(ctx({}), { kind: 'none' })).rejects.toMatchObject({ kind: 'usage', message: '--tunnel none needs --public-url' });
  });

  test('--public-url wins and must be https', async () => {
    const s = await selectTunnel(ctx({ PATH: PATH_WITH_FAKE }), { kind: 'cloudflared', publicUrl: 'https://dev.example.com/' });
    expect(s).toMatchObject({ tunnel: { provider: 'static', ephemeral: false } });
    expect(tm('en', s.why)).toBe('--public-url given');
    expect(await s.tunnel.start(1, new AbortController().signal)).toEqual({ url: 'https://dev.example.com' });
    await expect(selectTunnel(ctx({}), { kind: 'none', publicUrl: 'http://dev.example.com' })).rejects.toMatchObject({ kind: 'usage' });
  });

  test('the real @ngrok/ngrok optional dependency is detected as it is (installed or not)', async () => {
    const installed = (await loadNgrok()) !== undefined;
    const s = selectTunnel(ctx({ PATH: PATH_WITHOUT, NGROK_AUTHTOKEN: 'tok' }), { kind: 'ngrok' });
    if (installed) expect((await s).tunnel.provider).toBe('ngrok');
    else await expect(s).rejects.toMatchObject({ message: '--tunnel ngrok: the optional package @ngrok/ngrok is not installed' });
  });
});

describe('ngrokTunnel', () => {
  test('forwards the loopback port with the token and domain, and closes on stop', async () => {
    forwarded.length = 0;
    const tn = ngrokTunnel(fakeNgrok, { authtoken: 'tok', domain: 'acme.ngrok.app' });
    expect(await tn.start(4321, new AbortController().signal)).toEqual({ url: 'https://acme.ngrok.app' });
    expect(tn.status()).toEqual({ state: 'connected', url: 'https://acme.ngrok.app' });
    await tn.stop();
    await tn.stop();
    expect(forwarded).toEqual([{ addr: '127.0.0.1:4321', authtoken: 'tok', domain: 'acme.ngrok.app' }, 'closed']);
  });

  test('a forward() that never settles ends at the start timeout; a tunnel that opens later is closed', async () => {
    let open: (l: { url(): string; close(): Promise<void> }) => void = () => undefined;
    let closed = false;
    const tn = ngrokTunnel({ forward: () => new Promise((r) => (open = r)) }, { authtoken: 'tok', startTimeoutMs: 30 });
    await expect(tn.start(1, new AbortController().signal)).rejects.toMatchObject({ kind: 'network', message: 'ngrok did not open a tunnel within 30ms' });
    expect(tn.status()).toMatchObject({ state: 'failed' });
    open({ url: () => 'https://late.ngrok.app', close: async () => void (closed = true) });
    await until(() => closed, 'the late tunnel to be closed', { timeoutMs: 1_000 });
    expect(closed).toBe(true);
  });

  test('Ctrl-C during the start ends it at once as a cancellation', async () => {
    const abort = new AbortController();
    const tn = ngrokTunnel({ forward: () => new Promise(() => undefined) }, { authtoken: 'tok' });
    const started = tn.start(1, abort.signal);
    abort.abort(Object.assign(new Error('received SIGINT'), { name: 'AbortError' }));
    await expect(started).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('a failure to connect is a network error with a hint', async () => {
    const tn = ngrokTunnel({ forward: async () => Promise.reject(new Error('ERR_NGROK_4018 authentication failed')) }, { authtoken: 'bad' });
    await expect(tn.start(1, new AbortController().signal)).rejects.toMatchObject({ kind: 'network', message: 'ngrok could not open a tunnel: ERR_NGROK_4018 authentication failed' });
    expect(tn.status()).toMatchObject({ state: 'failed' });
  });

  test('a rejected authtoken is not echoed: ngrok quotes it in ERR_NGROK_105/107 ("Your authtoken: …")', async () => {
    const token = '2abcDEFghiJKLmnoPQRstuVWX_1a2b3c4d5e6f7g8h9i';
    const failure = Object.assign(
      new Error(`failed to connect session: The authtoken you specified does not look like a proper ngrok tunnel authtoken.\nYour authtoken: ${token}\nERR_NGROK_105`),
      { code: 'GenericFailure' },
    );
    const tn = ngrokTunnel({ forward: async () => Promise.reject(failure) }, { authtoken: token });
    const err = (await tn.start(1, new AbortController().signal).then(
      () => undefined,
      (e: unknown) => e,
    )) as YcpError;
    expect(err).toMatchObject({ kind: 'network' });
    expect(err.message).toContain('ERR_NGROK_105');
    const shown = JSON.stringify([err.message, err.info, String(err.cause ?? ''), tn.status()]);
    expect(shown).not.toContain(token);
    expect(shown).not.toContain(token.slice(3, -3));
  });
});

test('domainToAllow names the exact host and redirect URI', () => {
  expect(domainToAllow('https://abc-def.trycloudflare.com')).toEqual({ host: 'abc-def.trycloudflare.com', redirectUri: 'https://abc-def.trycloudflare.com/' });
});
