// Throughput of the sandbox for a simple GET (/v2/balance) on loopback: a bounded load loop
// (20,000 requests, 50 in flight, undici Pool), reporting requests/s, p50/p99 latency and RSS.
// The sandbox is compiled on the fly from src/ with esbuild (a devDependency), so this runs with or
// without `npm run build`:  node bench/sandbox.mjs [--requests N] [--concurrency N]
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Pool } from 'undici';

const TARGET_RPS = 2_000;

let sandboxModule;

/** The sandbox module, bundled from src/ once per process (`npm run bench` runs this file and scale.mjs). */
export function loadSandbox() {
  sandboxModule ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ycp-bench-'));
    const out = join(dir, 'sandbox.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../src/core/sandbox/index.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      outfile: out,
      logLevel: 'warning',
    });
    const mod = await import(pathToFileURL(out).href);
    rmSync(dir, { recursive: true, force: true });
    return mod;
  })();
  return sandboxModule;
}

export async function benchSandbox({ requests = 20_000, concurrency = 50 } = {}) {
  const { startSandbox } = await loadSandbox();
  const sb = await startSandbox({ port: 0, seed: 'default' });
  const pool = new Pool(sb.origin, { connections: concurrency, pipelining: 1 });
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const latencies = new Float64Array(requests);
  let next = 0;
  let errors = 0;
  const headers = { 'x-api-key': sb.apiKey };
  // Warm-up: let JIT and the connection pool settle before measuring.
  for (let i = 0; i < 200; i++) await (await pool.request({ path: '/v2/balance', method: 'GET', headers })).body.text();
  const started = performance.now();
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= requests) return;
      const t0 = performance.now();
      const res = await pool.request({ path: '/v2/balance', method: 'GET', headers });
      await res.body.text();
      if (res.statusCode !== 200) errors++;
      latencies[i] = performance.now() - t0;
      if ((i & 1023) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  await pool.close();
  await sb.close();
  latencies.sort();
  const pct = (p) => latencies[Math.min(requests - 1, Math.floor(requests * p))];
  const rps = Math.round(requests / seconds);
  return {
    name: 'sandbox GET /v2/balance',
    requests,
    concurrency,
    errors,
    seconds: Number(seconds.toFixed(2)),
    requestsPerSecond: rps,
    p50Ms: Number(pct(0.5).toFixed(2)),
    p99Ms: Number(pct(0.99).toFixed(2)),
    // Client and server share this process, so RSS covers both.
    rssMb: Number((peakRss / 1024 / 1024).toFixed(1)),
    rssGrowthMb: Number(((peakRss - rssBefore) / 1024 / 1024).toFixed(1)),
    target: `>= ${TARGET_RPS} req/s`,
    ok: errors === 0 && rps >= TARGET_RPS,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : def;
  };
  const r = await benchSandbox({ requests: arg('--requests', 20_000), concurrency: arg('--concurrency', 50) });
  console.log(JSON.stringify(r, null, 2));
  process.exitCode = r.ok ? 0 : 1;
}
