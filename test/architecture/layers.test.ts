// ARCHITECTURE §1 and §10 as checks on the import graph: dependencies point one way
// (bin → cli → commands → core + ui), core never prints or prompts, and there is no import cycle.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importCycles, importGraph } from '../helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { files, edges } = importGraph(ROOT);
const from = (prefix: string) => edges.filter((e) => e.from.startsWith(prefix));

describe('the house drawing', () => {
  test('has no import cycle, type-only imports included', () => {
    expect(importCycles(files, edges)).toEqual([]);
  });

  test('commands never import the program builder', () => {
    expect(from('src/commands/').filter((e) => e.to === 'src/cli.ts')).toEqual([]);
  });

  test('core imports no commander, ora or @inquirer, and nothing from commands or ui', () => {
    const bad = from('src/core/').filter((e) =>
      ['pkg:commander', 'pkg:ora', 'pkg:@inquirer'].includes(e.to) || e.to.startsWith('src/commands/') || e.to.startsWith('src/ui/') || e.to === 'src/cli.ts');
    expect(bad).toEqual([]);
  });

  test('ui never imports commands or the program builder', () => {
    expect(from('src/ui/').filter((e) => e.to.startsWith('src/commands/') || e.to === 'src/cli.ts')).toEqual([]);
  });

  test('only core/process/spawn.ts starts processes (execa, child_process)', () => {
    const spawners = edges.filter((e) => e.to === 'pkg:execa' || e.to === 'pkg:node:child_process').map((e) => e.from);
    expect([...new Set(spawners)]).toEqual(['src/core/process/spawn.ts']);
  });
});
