#!/usr/bin/env node
// Bench: reads past YCloud's 10,000-items-per-filter cap (issue 13). The built `ycp phone check` reads
// 10,000 and 50,000 numbers from the sandbox (spread over WABAs of 5,000), which makes it fill page 100,
// list the WABAs and read each one again: requests sent, wall time and the peak RSS of the ycp process.
// Reads are paced to at most READ_RATE_PER_S (50/s, src/core/api/paginate.ts), so the wall time is
// mostly that pace, by design: the target is "every number read, never over the pace", within the
// default 60 s deadline (the `timeout` setting).
//
// The sandbox is compiled on the fly from src/ by bench/sandbox.mjs (once per run); ycp is dist/.
//   node bench/scale.mjs [--counts 10000,50000]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSandbox } from './sandbox.mjs';

const BIN = fileURLToPath(new URL('../dist/ycp.js', import.meta.url));
const RATE = 50;

/** Runs the built ycp in a child that reports its peak RSS (process.resourceUsage().maxRSS) on exit. */
function runYcp(dir, args, env) {
  const wrapper = join(dir, 'rss.cjs');
  writeFileSync(wrapper, `process.on('exit', () => process.stderr.write('\\n@@maxrss ' + process.resourceUsage().maxRSS + '\\n'));\nprocess.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...process.argv.slice(2)];\nrequire(${JSON.stringify(BIN)});\n`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [wrapper, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

export async function benchScale({ counts = [10_000, 50_000] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ycp-bench-scale-'));
  const { startSandbox } = await loadSandbox();
  const sb = await startSandbox({ port: 0, seed: 'empty' });
  const control = (path, body) => fetch(`${sb.origin}/_sandbox${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
  const rows = [];
  try {
    for (const count of counts) {
      await control('/reset', { seed: 'empty' });
      const banned = count - 10;
      await control('/phoneNumbers/bulk', { count, wabas: Math.ceil(count / 5_000), banned: [banned] });
      const env = { PATH: process.env.PATH ?? '', HOME: dir, YCP_CONFIG_DIR: dir, NO_COLOR: '1', CI: '1', YCLOUD_BASE_URL: sb.baseUrl, YCLOUD_API_KEY: sb.apiKey };
      const r = await runYcp(dir, ['phone', 'check', '--json', '--verbose'], env);
      const requests = (r.stderr.match(/^\[verbose\] GET /gm) ?? []).length;
      const rssMb = Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
      let offenders = [];
      try {
        offenders = JSON.parse(r.stdout).error?.details?.offenders ?? [];
      } catch {
        offenders = [];
      }
      const seconds = r.ms / 1000;
      const found = r.code === 3 && offenders.length === 1 && offenders[0].status === 'BANNED';
      rows.push({
        name: `phone check, ${count.toLocaleString('en-US')} numbers`,
        value: `requests=${requests} wall=${seconds.toFixed(1)}s rss=${rssMb.toFixed(0)}MB`,
        ratio: `${(requests / seconds).toFixed(0)} req/s`,
        target: `finds the BANNED one, ≤ ${RATE} req/s`,
        ok: found && requests / seconds <= RATE * 1.05,
      });
    }
  } finally {
    await sb.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--counts');
  const counts = i > 0 ? process.argv[i + 1].split(',').map(Number) : undefined;
  for (const r of await benchScale({ counts })) console.log(JSON.stringify(r));
}
