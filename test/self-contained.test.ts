// The project stands alone: nothing in src/, test/, bench/, scripts/, .ci/ or bin/ reads outside the
// repository (a user's clone has no siblings). ../shared is reference for the team, never an input. The
// one exception is the optional cross-check, which reads only the path in YCP_OFFICIAL_SPEC, and .ci/run,
// which sets that variable when our CI has the official spec beside the checkout.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { filesUnder } from './helpers/files.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIRS = ['src', 'test', 'bench', 'scripts', '.ci', 'bin'];
const SKIP = new Set(['node_modules', 'dist', 'test-results']);
const TEXT = /\.(ts|mts|js|mjs|cjs|sh|json|tsv|md|txt|yaml|yml)$|^[^.]+$/;
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

/** Where a mention of the shared folder is allowed, and on which lines only. */
const ALLOWED: Record<string, RegExp> = {
  '.ci/run': /YCP_OFFICIAL_SPEC|official/,
  'test/contract/official-spec.test.ts': /YCP_OFFICIAL_SPEC|^\/\//,
};
// Written in two halves so that this file does not flag itself.
// `../shared.js` (src/commands/shared.ts) is ours and does not count.
const SHARED = new RegExp(['shared', 'ycloud'].join('/') + '|' + ['\\.\\.', 'shared(?![.\\w])'].join('/'));

const files = (dir: string) => filesUnder(dir, SKIP).filter((f) => TEXT.test(basename(f)));

/** Offences in one file's text: relative paths that climb out of the repository, mentions of ../shared. */
function outsideReferences(file: string, text: string): string[] {
  const rel = relative(ROOT, file).split(sep).join('/');
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)/g)) {
      const target = resolve(dirname(file), m[1]!);
      if (target !== resolve(ROOT) && !target.startsWith(resolve(ROOT) + sep)) found.push(`${rel}:${i + 1}: ${m[1]} leaves the repository`);
    }
    if (SHARED.test(line) && !ALLOWED[rel]?.test(line.trim())) found.push(`${rel}:${i + 1}: mentions the shared folder: ${line.trim()}`);
  });
  return found;
}

describe('the repository is self-contained', () => {
  test('no file under src, test, bench, scripts, .ci or bin reaches outside the repository', () => {
    const all = DIRS.flatMap((d) => files(join(ROOT, d))).filter((f) => relative(ROOT, f) !== SELF);
    expect(all.length).toBeGreaterThan(100);
    expect(all.flatMap((f) => outsideReferences(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  test('the check catches what a fresh clone would trip on', () => {
    const helper = join(ROOT, 'test', 'helpers', 'contract.ts');
    // What test/helpers/contract.ts used to do.
    expect(outsideReferences(helper, "const SPEC = new URL('../../../" + "shared/ycloud/openapi.yaml', import.meta.url);")).toEqual([
      `test/helpers/contract.ts:1: ../../../${'shared'}/ycloud/openapi.yaml leaves the repository`,
      `test/helpers/contract.ts:1: mentions the shared folder: const SPEC = new URL('../../../${'shared'}/ycloud/openapi.yaml', import.meta.url);`,
    ]);
    expect(outsideReferences(join(ROOT, 'bench', 'x.mjs'), "readFileSync('../../etc/passwd')")).toEqual(['bench/x.mjs:1: ../../etc/passwd leaves the repository']);
    expect(outsideReferences(helper, "import { x } from '../../src/core/api/contract/index.js';")).toEqual([]);
  });
});
