// Tests mirror src (issue 11): every verb a group registers has its command test at
// test/commands/<group>/<verb>.test.ts (or <verb>.<aspect>.test.ts), test files live only in the agreed
// folders, and shared test code lives only in test/helpers/.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { filesUnder } from '../helpers/files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', 'test-results', '.git']);

/** Files under `dir`, as repository paths (`test/cli.test.ts`). */
const walk = (dir: string) => filesUnder(join(ROOT, dir), SKIP).map((f) => relative(ROOT, f).split(sep).join('/'));

/** src/commands/<group>/<verb>.ts for every `import('./<verb>.js')` in a group's index.ts. */
function verbs(): string[] {
  return walk('src/commands')
    .filter((f) => f.endsWith('/index.ts'))
    .flatMap((index) =>
      [...readFileSync(join(ROOT, index), 'utf8').matchAll(/import\('\.\/([\w-]+)\.js'\)/g)].map((m) => posix.join(posix.dirname(index), `${m[1]}.ts`)),
    );
}

const TEST_DIRS = ['commands', 'core', 'ui', 'help', 'i18n', 'e2e', 'browser', 'live', 'contract', 'architecture'];
const ROOT_TESTS = ['test/cli.test.ts', 'test/self-contained.test.ts'];
/** The official cross-check's comparer is not shared: only test/contract uses it. */
const NON_HELPER_CODE = ['test/contract/compare-schemas.ts'];

describe('the test layout', () => {
  const testFiles = walk('test').filter((f) => f.endsWith('.test.ts'));

  test('the guard sees the commands (a broken pattern would pass everything)', () => {
    expect(verbs()).toContain('src/commands/phone/wait.ts');
    expect(verbs()).toContain('src/commands/webhook/endpoint/rotate-secret.ts');
  });

  test('every verb has test/commands/<group>/<verb>.test.ts (or <verb>.<aspect>.test.ts)', () => {
    const missing = verbs().filter((src) => {
      const base = src.replace(/^src\//, 'test/').replace(/\.ts$/, '');
      return !testFiles.some((f) => f === `${base}.test.ts` || (f.startsWith(`${base}.`) && /^[\w-]+\.test\.ts$/.test(f.slice(base.length + 1))));
    });
    expect(missing).toEqual([]);
  });

  test('every file under test/commands mirrors a file in src/commands', () => {
    const orphans = testFiles
      .filter((f) => f.startsWith('test/commands/'))
      .filter((f) => !existsSync(join(ROOT, f.replace(/^test\//, 'src/').replace(/(\.[\w-]+)?\.test\.ts$/, '.ts'))));
    expect(orphans).toEqual([]);
  });

  test(`test files live only in test/{${TEST_DIRS.join(',')}}/ and the root-level cli/self-contained tests`, () => {
    const allowed = (f: string) => ROOT_TESTS.includes(f) || TEST_DIRS.some((d) => f.startsWith(`test/${d}/`));
    expect(testFiles.filter((f) => !allowed(f))).toEqual([]);
    const elsewhere = ['src', 'bin', 'bench', 'scripts'].flatMap(walk).filter((f) => /\.test\.[cm]?[jt]s$/.test(f));
    expect(elsewhere).toEqual([]);
  });

  test('shared test code lives in test/helpers/ (data files stay in test/fixtures/)', () => {
    const code = walk('test').filter((f) => /\.[cm]?ts$/.test(f) && !f.endsWith('.test.ts'));
    expect(code.filter((f) => !f.startsWith('test/helpers/') && !NON_HELPER_CODE.includes(f))).toEqual([]);
  });
});
