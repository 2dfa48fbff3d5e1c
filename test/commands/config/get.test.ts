import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { reuse } from '../../helpers/config.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp config get', () => {
  test('--profile keeps settings apart', async () => {
    t = createTestCtx();
    expect(await t.run(['config', 'set', 'solutionId', '42', '--profile', 'staging'])).toBe(0);
    t = reuse(t);
    expect(await t.run(['config', 'get', 'solutionId'])).toBe(2);
    t = reuse(t, { YCP_PROFILE: 'staging' });
    expect(await t.run(['config', 'get', 'solutionId'])).toBe(0);
    expect(t.stdout()).toBe('42\n');
  });
});
