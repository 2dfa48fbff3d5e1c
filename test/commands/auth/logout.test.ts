import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const NEW_KEY = 'live-key-8c1d2e3f4a5b6c7d';

describe('ycp logout', () => {
  test('logout removes the stored key', async () => {
    t = createTestCtx({ noKey: true, profile: { apiKey: NEW_KEY }, secrets: [NEW_KEY] });
    expect(await t.run(['logout'])).toBe(0);
    expect(JSON.parse(readFileSync(join(t.configDir, 'config.json'), 'utf8')).profiles.default.apiKey).toBeUndefined();
    expect(t.stderr()).toBe('✓ Removed the API key of profile "default"\n');
  });
});
