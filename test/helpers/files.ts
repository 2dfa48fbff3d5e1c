// The guards that read the project's own files (imports, layout, references outside the repository) walk
// the tree the same way; each then keeps the files it cares about.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (paths joined onto `dir`), skipping any file or folder named in `skip`; none if `dir` is missing. */
export function filesUnder(dir: string, skip: ReadonlySet<string> = new Set()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (skip.has(d.name)) return [];
    const p = join(dir, d.name);
    return d.isDirectory() ? filesUnder(p, skip) : [p];
  });
}
