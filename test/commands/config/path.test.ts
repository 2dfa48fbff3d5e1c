import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { reuse } from '../../helpers/config.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp config path', () => {
  test('a broken config file is a clear error; `config path` still works', async () => {
    t = createTestCtx();
    writeFileSync(join(t.configDir, 'config.json'), '{ not json');
    const t2 = reuse(t);
    expect(await t2.run(['config', 'list'])).toBe(2);
    expect(t2.stderr()).toContain(`the config file ${join(t.configDir, 'config.json')} is not valid JSON (line 1, column 3)`);
    expect(t2.stderr()).not.toContain('not json'); // the position, never the contents
    const t3 = reuse(t2);
    expect(await t3.run(['config', 'path'])).toBe(0);
    expect(t3.stdout()).toBe(join(t.configDir, 'config.json') + '\n');
  });
});
