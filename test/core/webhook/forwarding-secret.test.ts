// The forwarding secret is one per profile: two first `webhook listen --forward-to` runs at once (two
// processes, no secret stored yet) must end up signing with the same secret, the one in the file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openConfStore } from '../../../src/core/store.js';
import { FORWARDING_SECRET_KEY, forwardingSecret } from '../../../src/core/webhook/forwarding-secret.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

test('two processes creating the secret at once agree on the stored one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycp-fwd-secret-'));
  dirs.push(dir);
  const processOn = async () => {
    const store = await openConfStore({ YCP_CONFIG_DIR: dir });
    const secrets = new Set<string>();
    return { ctx: { config: async () => ({ store, profile: 'default' }), io: { secrets } } as unknown as Parameters<typeof forwardingSecret>[0], secrets };
  };
  const [a, b] = await Promise.all([processOn(), processOn()]);
  const [sa, sb] = await Promise.all([forwardingSecret(a.ctx), forwardingSecret(b.ctx)]);
  const stored = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles.default[FORWARDING_SECRET_KEY];
  expect(stored).toMatch(/^whsec_[0-9a-f]{32}$/);
  expect([sa.secret, sb.secret]).toEqual([stored, stored]);
  expect([sa.created, sb.created].filter(Boolean)).toHaveLength(1);
  expect(a.secrets.has(stored) && b.secrets.has(stored)).toBe(true);
  // A later run reads it back, created: false.
  const c = await processOn();
  expect(await forwardingSecret(c.ctx)).toMatchObject({ secret: stored, created: false });
});
