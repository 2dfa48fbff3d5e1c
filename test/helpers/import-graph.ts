// The house drawing as data: every import between the project's own files (static, dynamic and type-only),
// read from the source text. Used by test/architecture/layers.test.ts.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { filesUnder } from './files.js';

export interface ImportEdge {
  from: string;
  to: string;
  /** `import type` / `export type`: erased at run time, but still a dependency of the design. */
  typeOnly: boolean;
  dynamic: boolean;
}

const IMPORT_RE = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Files relative to `root` (e.g. `src/core/context.ts`) and the edges between them; packages are edges to `pkg:<name>`. */
export function importGraph(root: string, dir = 'src'): { files: string[]; edges: ImportEdge[] } {
  const files = filesUnder(join(root, dir))
    .filter((f) => /\.ts$/.test(f) && !/\.(test|d)\.ts$/.test(basename(f)))
    .map((f) => relative(root, f));
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[3] ?? m[4]!;
      const typeOnly = Boolean(m[2]);
      const dynamic = Boolean(m[4]);
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(join(root, dirname(file)), spec)).replace(/\.js$/, '.ts');
        edges.push({ from: file, to: target, typeOnly, dynamic });
      } else {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        edges.push({ from: file, to: `pkg:${pkg}`, typeOnly, dynamic });
      }
    }
  }
  return { files, edges };
}

/** Strongly connected components with more than one file (or a file importing itself): the import cycles. */
export function importCycles(files: string[], edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) if (next.has(e.to)) next.get(e.from)!.push(e.to);
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v)!) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || next.get(v)!.includes(v)) out.push(comp.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return out;
}
