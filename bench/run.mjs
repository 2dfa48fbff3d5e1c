// `npm run bench`: every speed and memory target, measured side by side in one run and printed as
// ratios. Targets live here, never in unit tests: these machines are shared and noisy.
import { existsSync } from 'node:fs';
import { benchNode, benchStartup } from './startup.mjs';

const rows = [];
const report = (group, r) => rows.push({ group, ...r });

// NODE_BIN=/path/to/node runs the start-up children on another Node (e.g. 24 beside the machine's 20).
const { node, version } = benchNode();
console.error(`start-up on node ${version} (medians of interleaved runs after one warm-up; NODE_EXTRA_CA_CERTS unset in the children)…`);
for (const r of await benchStartup({ node })) report(`start-up (node ${version})`, { name: r.name, value: `${r.medianMs} ms`, ratio: `${r.ratio}×`, target: r.target ? `≤ ${r.target}×` : '', ok: r.ok });

for (const [file, fn] of [['./sandbox.mjs', 'benchSandbox'], ['./listen.mjs', 'benchListen']]) {
  if (!existsSync(new URL(file, import.meta.url))) continue;
  const mod = await import(file);
  if (typeof mod[fn] !== 'function') continue;
  console.error(`${file}…`);
  const out = await mod[fn]();
  const group = file.replace(/^\.\/|\.mjs$/g, '');
  for (const r of Array.isArray(out) ? out : [out]) {
    if ('value' in r) report(group, r);
    else {
      // A single measurement object: show its numbers side by side.
      const { name, target, ok, ...nums } = r;
      const value = Object.entries(nums).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k}=${v}`).join(' ');
      report(group, { name: name ?? group, value, ratio: r.ratio ?? '', target, ok });
    }
  }
}

const cols = ['group', 'name', 'value', 'ratio', 'target', 'ok'];
const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
console.log(line(cols.map((c) => c.toUpperCase())));
for (const r of rows) console.log(line(cols.map((c) => (c === 'ok' ? (r.ok === undefined ? '' : r.ok ? 'yes' : 'NO') : r[c]))));
const missed = rows.filter((r) => r.ok === false);
if (missed.length) console.log(`\n${missed.length} target(s) missed on this run (machine: ${(await import('node:os')).cpus().length} cores, start-up on node ${version}, the rest on ${process.version})`);
