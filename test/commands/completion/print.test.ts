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

  test('after `ycp api` the path templates of the API are offered (fish: up to the first {param})', async () => {
    t = createTestCtx();
    expect(await t.run(['completion', 'bash'])).toBe(0);
    const api = t.stdout().split('\n').find((l) => l.trimStart().startsWith('"api")'))!;
    for (const p of ['/balance', '/unsubscribers', '/whatsapp/templates/{wabaId}/{name}/{language}', '--paginate']) expect(api.split(/[ "]/)).toContain(p);
    t.verify();
    t.dispose();
    t = createTestCtx();
    expect(await t.run(['completion', 'fish'])).toBe(0);
    expect(t.stdout()).toContain("complete -c ycp -n '__fish_seen_subcommand_from api' -a '/whatsapp/phoneNumbers/'\n");
    expect(t.stdout()).not.toMatch(/-a '[^']*\{/);
  });

  test('an unknown shell is exit 2', async () => {
    t = createTestCtx();
    expect(await t.run(['completion', 'tcsh'])).toBe(2);
  });
});
