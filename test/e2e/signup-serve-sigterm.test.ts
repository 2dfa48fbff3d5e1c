// The built binary (what ships) under a real SIGTERM: exit 143 (128+15), server closed, no orphan cloudflared.
import { beforeAll, expect, test } from 'vitest';
import { requireBuild, startBin } from '../helpers/run-bin.js';
import { aPageDir } from '../helpers/signup.js';
import { alive, PATH_WITH_FAKE, pidFile, readPid } from '../helpers/tunnel.js';

beforeAll(requireBuild);

test('SIGTERM stops ycp with 143 and takes cloudflared with it', async () => {
  const pf = pidFile();
  const dir = await aPageDir();
  const serve = startBin(['signup', 'serve', '--dir', dir, '--no-register'], { env: { PATH: PATH_WITH_FAKE, FAKE_CLOUDFLARED_PIDFILE: pf, CI: '1' } });
  try {
    await serve.until((p) => p.stderr.includes('Waiting for the signup'), 'serve to wait for the signup', 6_000);
    expect(serve.stderr).toContain('.trycloudflare.com');
    const cf = await readPid(pf);
    expect(alive(cf)).toBe(true);
    serve.child.kill('SIGTERM');
    expect((await serve.exited).code).toBe(143);
    expect(alive(cf)).toBe(false);
    expect(serve.stderr.endsWith('cancelled\n')).toBe(true);
  } finally {
    serve.kill();
  }
});
