// The help the launcher prints (dist/help/<lang>.json, generated at build time) is what commander renders
// live for the same argv, for every command path, alias and language: it cannot drift from the source.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { helpArgvs, type HelpFile } from '../../src/help/generate.js';
import { HELP_LANGS, helpKey } from '../../src/help/request.js';
import { createTestCtx } from '../helpers/test-ctx.js';

const shipped = (lang: string): HelpFile => {
  const path = fileURLToPath(new URL(`../../dist/help/${lang}.json`, import.meta.url));
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` (npm test does it)`);
  return JSON.parse(readFileSync(path, 'utf8')) as HelpFile;
};

/** What `ycp <argv>` prints on stdout, rendered by commander through run() with the test twin. */
async function live(argv: string[], lang: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const t = createTestCtx({ env: { YCP_LANG: lang } });
  try {
    const code = await t.run(argv);
    return { code, stdout: t.stdout(), stderr: t.stderr() };
  } finally {
    t.dispose();
  }
}

describe.each(HELP_LANGS)('the generated help in %s', (lang) => {
  const file = shipped(lang);
  const t = createTestCtx();
  const argvs = helpArgvs(buildProgram(t.ctx, [], lang));
  t.dispose();

  test('answers every command path under every alias, --help, -h and `help <path>`, and nothing else', () => {
    expect(Object.keys(file.keys).sort()).toEqual([...new Set(argvs.map((a) => helpKey(a)!))].sort());
    expect(argvs.some((a) => a.join(' ') === 'phones list -h')).toBe(true);
    expect(argvs.some((a) => a.join(' ') === 'help webhook endpoint create')).toBe(true);
  });

  test('is byte for byte what commander renders live, exit 0, nothing on stderr', async () => {
    for (const argv of argvs) {
      const r = await live(argv, lang);
      expect({ argv, ...r }).toEqual({ argv, code: 0, stdout: file.texts[file.keys[helpKey(argv)!]!], stderr: '' });
    }
  });
});
