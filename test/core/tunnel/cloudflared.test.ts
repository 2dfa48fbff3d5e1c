// The cloudflared provider against a fake `cloudflared` first on PATH (a node script that prints the
// real banner, serves /ready and /quicktunnel on --metrics, and exits on SIGTERM). The child is real:
// these tests prove spawn, readiness, hostname and that no cloudflared outlives ycp.
import { afterEach, describe, expect, test } from 'vitest';
import { createExecaSpawner } from '../../../src/core/process/spawn.js';
import { cloudflaredTunnel } from '../../../src/core/tunnel/cloudflared.js';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPageDir, startServe } from '../../helpers/signup.js';
import { alive, FAKE_BIN, PATH_WITH_FAKE, pidFile, readPid } from '../../helpers/tunnel.js';

const BIN = `${FAKE_BIN}/cloudflared`;
const spawned: string[][] = [];
const spawner = createExecaSpawner();
const ctx = (env: Record<string, string>) => ({
  env: { PATH: PATH_WITH_FAKE, ...env },
  spawn: { ...spawner, start: (cmd: string, args: string[], o?: object) => (spawned.push([cmd, ...args]), spawner.start(cmd, args, o)) },
});

describe('cloudflared quick tunnel', () => {
  test('reads the hostname from the metrics server once ready, and stop() ends the child', async () => {
    const pf = pidFile();
    const tn = cloudflaredTunnel(ctx({ FAKE_CLOUDFLARED_PIDFILE: pf }), BIN);
    const { url } = await tn.start(4321, new AbortController().signal);
    const pid = await readPid(pf);
    expect(url).toBe(`https://fake-${pid}-quick-tunnel.trycloudflare.com`);
    expect(tn.status()).toEqual({ state: 'connected', url });
    const args = spawned.at(-1)!;
    expect(args.slice(0, 4)).toEqual([BIN, 'tunnel', '--url', 'http://127.0.0.1:4321']);
    expect(args[4]).toBe('--metrics');
    expect(args[5]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(args[6]).toBe('--no-autoupdate');
    expect(alive(pid)).toBe(true);
    await tn.stop();
    await tn.stop(); // idempotent
    expect(alive(pid)).toBe(false);
  });

  test('a child that exits before it is ready fails with its last lines', async () => {
    const tn = cloudflaredTunnel(ctx({ FAKE_CLOUDFLARED_FAIL: '1' }), BIN);
    await expect(tn.start(4321, new AbortController().signal)).rejects.toMatchObject({
      kind: 'network',
      // The child's last lines follow, shown escaped like every text that is not ycp's own.
      message: expect.stringMatching(/^cloudflared exited before the tunnel was ready:\\n {2}.*failed to request quick Tunnel/),
    });
    expect(tn.status()).toMatchObject({ state: 'failed', message: expect.stringContaining('failed to request quick Tunnel') });
  });

  test('a tunnel that never gets ready times out and the child is stopped', async () => {
    const pf = pidFile();
    const tn = cloudflaredTunnel(ctx({ FAKE_CLOUDFLARED_PIDFILE: pf, FAKE_CLOUDFLARED_READY_AFTER_MS: '600000' }), BIN, { readyTimeoutMs: 800, pollMs: 50 });
    await expect(tn.start(4321, new AbortController().signal)).rejects.toMatchObject({ message: 'cloudflared did not report a ready quick tunnel in time' });
    expect(alive(await readPid(pf))).toBe(false);
  });
});

describe('ycp signup serve --tunnel cloudflared', () => {
  let t: TestCtx;
  afterEach(() => {
    t.verify();
    t.dispose();
  });

  test('prints the quick-tunnel host to allow, warns that it changes, and leaves no cloudflared after Ctrl-C', async () => {
    const pf = pidFile();
    t = createTestCtx({ env: { PATH: PATH_WITH_FAKE, FAKE_CLOUDFLARED_PIDFILE: pf } });
    const s = await startServe(t, ['--dir', await aPageDir(), '--tunnel', 'cloudflared']);
    const pid = await readPid(pf);
    const host = `fake-${pid}-quick-tunnel.trycloudflare.com`;
    expect(t.stderr()).toContain(`public:  https://${host}/   (cloudflared: --tunnel cloudflared (${FAKE_BIN}/cloudflared))`);
    expect(t.stderr()).toContain(`Allowed Domains:            ${host}\n  Valid OAuth Redirect URIs:  https://${host}/`);
    expect(t.stderr()).toContain('warning: this quick-tunnel hostname changes every run');
    expect(alive(pid)).toBe(true);
    t.abort();
    expect(await s.done).toBe(130);
    expect(alive(pid)).toBe(false);
    expect(t.stderr().endsWith('cancelled\n')).toBe(true);
  });

  test('auto picks the fake cloudflared, and the child is stopped after a successful signup', async () => {
    const pf = pidFile();
    t = createTestCtx({ env: { PATH: PATH_WITH_FAKE, FAKE_CLOUDFLARED_PIDFILE: pf } });
    const s = await startServe(t, ['--dir', await aPageDir(), '--no-register']);
    expect(t.stderr()).toContain(`(cloudflared: cloudflared found on PATH (${FAKE_BIN}/cloudflared))`);
    const pid = await readPid(pf);
    expect((await s.post({ state: await s.token(), event: 'FINISH', waba_id: '111' })).status).toBe(202);
    expect(await s.done).toBe(0);
    expect(alive(pid)).toBe(false);
  });
});
