import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp completion', () => {
  test.each(['bash', 'zsh', 'fish'])('%s script names the commands', async (shell) => {
    t = createTestCtx();
    expect(await t.run(['completion', shell])).toBe(0);
    for (const word of ['phone', 'register', 'waba', 'json']) expect(t.stdout()).toContain(word);
  });

  test('an unknown shell is exit 2', async () => {
    t = createTestCtx();
    expect(await t.run(['completion', 'tcsh'])).toBe(2);
  });
});
