import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { reuse } from '../../helpers/config.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp config unset', () => {
  test('removes a stored setting from the profile; a second unset says it was not set', async () => {
    t = createTestCtx({ profile: { appId: '1234567890', solutionId: '42' } });
    expect(await t.run(['config', 'unset', 'app-id'])).toBe(0);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe('✓ app-id removed from profile "default"\n');
    expect(JSON.parse(readFileSync(join(t.configDir, 'config.json'), 'utf8')).profiles.default).toEqual({ solutionId: '42' });
    t = reuse(t);
    // camelCase is an alias; the name is always said in kebab-case, in JSON too.
    expect(await t.run(['config', 'unset', 'appId', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({ profile: 'default', name: 'app-id', removed: false });
  });

  test('an unknown setting name is exit 2 naming the settings, and nothing is written', async () => {
    t = createTestCtx({ profile: { appId: '1234567890' } });
    expect(await t.run(['config', 'unset', 'nope'])).toBe(2);
    expect(t.stderr()).toContain('unknown setting "nope"');
    expect(t.stderr()).toContain('settings: ');
    expect(JSON.parse(readFileSync(join(t.configDir, 'config.json'), 'utf8')).profiles.default).toEqual({ appId: '1234567890' });
  });
});
