// Issue 10 §2, found on the built binary: when `cloudflared` on PATH is a wrapper script that starts the
// real binary as a child, Ctrl-C ended the wrapper and left the tunnel running. The tunnel is started in
// its own process group and the whole group is ended, so no process is left, checked by pid.
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createExecaSpawner } from '../../../src/core/process/spawn.js';
import { startBin, type BinProcess } from '../../helpers/run-bin.js';
import { aPageDir } from '../../helpers/signup.js';
import { pidFile, readPid } from '../../helpers/tunnel.js';
import { until } from '../../helpers/until.js';

const WRAPPER_BIN = join(import.meta.dirname, '..', '..', 'fixtures', 'bin-wrapper');
const PATH_WITH_WRAPPER = [WRAPPER_BIN, process.env.PATH].join(delimiter);

/** Alive and not a zombie waiting for a parent that is gone (a reparented child may stay unreaped). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const started: { bin?: BinProcess; pids: number[] } = { pids: [] };
afterEach(() => {
  started.bin?.kill();
  for (const pid of started.pids.splice(0)) if (running(pid)) process.kill(pid, 'SIGKILL');
});

describe('a cloudflared wrapper script that starts the real binary as a child', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    test(`${signal} ends ycp with ${code} and leaves neither the wrapper nor the tunnel running`, async () => {
      const pf = pidFile();
      const wf = pidFile();
      const bin = startBin(['signup', 'serve', '--dir', await aPageDir(), '--no-register', '--tunnel', 'cloudflared'], {
        env: { PATH: PATH_WITH_WRAPPER, FAKE_CLOUDFLARED_PIDFILE: pf, FAKE_CLOUDFLARED_WRAPPER_PIDFILE: wf, CI: '1' },
      });
      started.bin = bin;
      await bin.until((p) => p.stderr.includes('Waiting for the signup'), 'the serving banner');
      const tunnel = await readPid(pf);
      const wrapper = await readPid(wf);
      started.pids.push(tunnel, wrapper);
      expect(tunnel).not.toBe(wrapper);
      expect(bin.stderr).toContain(`fake-${tunnel}-quick-tunnel.trycloudflare.com`);
      expect(running(tunnel) && running(wrapper)).toBe(true);
      bin.child.kill(signal);
      expect((await bin.exited).code).toBe(code);
      expect(running(wrapper)).toBe(false);
      expect(running(tunnel)).toBe(false);
    });
  }
});

describe('spawn with group: true', () => {
  test('stop() ends the whole group, and SIGKILLs what ignores SIGTERM after the grace period', async () => {
    const pf = pidFile();
    // A leader that ignores SIGTERM, with a grandchild that ignores it too.
    const child = await createExecaSpawner().start('sh', ['-c', `trap '' TERM; sh -c "trap '' TERM; echo \\$\\$ > ${pf}; while :; do sleep 1; done" & wait`], { group: true, killAfterMs: 300 });
    const grandchild = await readPid(pf);
    started.pids.push(grandchild, child.pid!);
    expect(running(grandchild)).toBe(true);
    const t0 = Date.now();
    await child.stop();
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(running(child.pid!)).toBe(false);
    expect(running(grandchild)).toBe(false);
  });

  test('aborting the start signal ends the group too (Ctrl-C during a tunnel start)', async () => {
    const pf = pidFile();
    const abort = new AbortController();
    const child = await createExecaSpawner().start('sh', ['-c', `sh -c "echo \\$\\$ > ${pf}; while :; do sleep 1; done" & wait`], { group: true, signal: abort.signal });
    const grandchild = await readPid(pf);
    started.pids.push(grandchild, child.pid!);
    abort.abort();
    await child.exited;
    await until(() => !running(grandchild), `the tunnel's grandchild ${grandchild} to be gone`, { timeoutMs: 2_000 });
    expect(running(grandchild)).toBe(false);
  });
});
