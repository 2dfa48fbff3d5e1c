#!/usr/bin/env node
// Bench: `webhook listen`'s receiver (signature check + dedupe + NDJSON record with fdatasync before
// each 2xx) next to a bare Node HTTP server that only answers 200, in the same run, same client.
// Target (issue #7): >= 5,000 verified+recorded events/s, and >= half the bare server's rate.
//
// The listener is compiled on the fly from src/core/webhook/listener.ts with esbuild (a dev
// dependency), because dist/ is one bundle without a public export of the listener.
// Each server runs in its own child process, so its RSS is its own. Loopback only, bounded count.
//   node bench/listen.mjs            (BENCH_N=20000 deliveries, BENCH_CONCURRENCY=50 by default)
// `npm run bench` (bench/run.mjs) imports benchListen() and prints its rows with the other targets.
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SECRET = 'whsec_bench_0123456789abcdef0123456789';

const TARGET_RATE = 5_000;
const TARGET_RATIO = 0.5;

// Imported by bench/run.mjs: nothing runs on import. Run directly: the report below. Forked: a server.
const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--server') await serve(process.argv[3], process.argv[4], process.argv[5]);
else if (process.argv[1] === self) await main();

async function serve(kind, listenerModule, outputPath) {
  let port;
  if (kind === 'bare') {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    port = server.address().port;
  } else {
    const { startWebhookListener } = await import(pathToFileURL(listenerModule).href);
    const l = await startWebhookListener({ secrets: [SECRET], outputPath: process.env.BENCH_NO_OUTPUT ? undefined : outputPath });
    port = l.port;
    process.on('message', async (m) => {
      if (m === 'stats') process.send({ stats: l.stats });
    });
  }
  process.on('message', (m) => {
    if (m === 'rss') process.send({ rss: process.memoryUsage().rss });
    if (m === 'exit') setImmediate(() => process.exit(0));
  });
  process.send({ port });
}

/** Both servers, same client, alternating rounds; the medians and whether every event was recorded. */
async function measure() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const N = Number(process.env.BENCH_N ?? 20_000);
  const C = Number(process.env.BENCH_CONCURRENCY ?? 50);
  const dir = mkdtempSync(join(tmpdir(), 'ycp-bench-'));
  try {
    const listenerModule = join(dir, 'listener.mjs');
    const { build } = await import('esbuild');
    await build({
      entryPoints: [join(root, 'src/core/webhook/listener.ts')],
      bundle: true, platform: 'node', format: 'esm', target: 'node20.19', outfile: listenerModule, logLevel: 'warning',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const { Agent, request } = await import('undici');
    const t = Math.floor(Date.now() / 1000);
    // Pre-signed so the client costs the same for both servers.
    const deliveries = Array.from({ length: N }, (_, i) => {
      const body = JSON.stringify({ id: `evt_bench_${i}`, type: 'whatsapp.message.updated', apiVersion: 'v2', createTime: new Date().toISOString(),
        whatsappMessage: { id: `m${i}`, wabaId: '104996844321234', from: '+15550001111', to: '+15550002222', status: 'delivered', wamid: `wamid.BENCH${i}` } });
      const s = createHmac('sha256', SECRET).update(`${t}.`).update(body).digest('hex');
      return { body, header: `t=${t},s=${s}` };
    });

    async function runAgainst(kind, round) {
      // A file per round: reopening the last round's file would load its ids and turn every delivery
      // into a duplicate (no write, no fdatasync), measuring the cheap path instead.
      const outputPath = join(dir, `${kind}-${round}.ndjson`);
      const child = fork(self, ['--server', kind, listenerModule, outputPath], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: process.env.BENCH_PROF && kind === 'listen' ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : [] });
      const ask = (m, key) => new Promise((r) => { const on = (x) => { if (key in x) { child.off('message', on); r(x[key]); } }; child.on('message', on); if (m) child.send(m); });
      const port = await ask(undefined, 'port');
      const url = `http://127.0.0.1:${port}/`;
      const agent = new Agent({ connections: C, keepAliveTimeout: 10_000 });
      const lat = new Float64Array(N);
      let next = 0;
      let bad = 0;
      // warm-up, not counted
      for (let i = 0; i < 200; i++) await (await request(url, { method: 'POST', body: '{}', dispatcher: agent })).body.dump();
      const t0 = performance.now();
      await Promise.all(Array.from({ length: C }, async () => {
        while (next < N) {
          const i = next++;
          const d = deliveries[i];
          const s = performance.now();
          const res = await request(url, { method: 'POST', body: d.body, headers: { 'content-type': 'application/json', 'ycloud-signature': d.header }, dispatcher: agent });
          await res.body.dump();
          lat[i] = performance.now() - s;
          if (res.statusCode !== 200) bad++;
        }
      }));
      const secs = (performance.now() - t0) / 1000;
      const rss = await ask('rss', 'rss');
      const stats = kind === 'listen' ? await ask('stats', 'stats') : undefined;
      child.send('exit');
      await agent.close();
      lat.sort();
      const recorded = kind === 'listen' && !process.env.BENCH_NO_OUTPUT ? readFileSync(outputPath, 'utf8').split('\n').filter(Boolean).length : undefined;
      return { kind, rate: N / secs, p50: lat[Math.floor(N * 0.5)], p99: lat[Math.floor(N * 0.99)], rss, bad, recorded, stats };
    }

    // Alternating rounds, median per kind: the machine is shared, single runs are noisy.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    const results = { bare: [], listen: [] };
    for (let r = 0; r < rounds; r++) for (const kind of ['bare', 'listen']) results[kind].push(await runAgainst(kind, r));
    const median = (rs) => rs.slice().sort((a, b) => a.rate - b.rate)[Math.floor(rs.length / 2)];
    const bare = median(results.bare);
    const listen = median(results.listen);
    // Every listen round must have handled N new events, not duplicates of an earlier round.
    const bad = results.listen.find((r) => r.bad || r.stats.events !== N || (!process.env.BENCH_NO_OUTPUT && r.recorded !== N));
    return { N, C, rounds, bare, listen, bad };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Function declarations, not consts: main() runs from the top of the module, before any const here is set.
function mib(b) {
  return `${(b / 2 ** 20).toFixed(0)} MiB`;
}
function x(a, b) {
  return `${(a / b).toFixed(2)}×`;
}

/** For bench/run.mjs: one row per server, side by side, with the issue #7 targets on the listener's. */
export async function benchListen() {
  const { bare, listen, bad } = await measure();
  const cell = (r, unit) => `${Math.round(r.rate)} ${unit}, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, rss ${mib(r.rss)}`;
  const ratio = listen.rate / bare.rate;
  return [
    { name: 'bare http server (answers 200)', value: cell(bare, 'req/s'), ratio: '1.00×', target: '' },
    {
      name: `listen --output (verify, dedupe, fdatasync)${bad ? ' — LOST OR FAILED EVENTS' : ''}`,
      value: cell(listen, 'events/s'),
      ratio: `${x(listen.rate, bare.rate)} (p50 ${x(listen.p50, bare.p50)}, p99 ${x(listen.p99, bare.p99)}, rss ${x(listen.rss, bare.rss)})`,
      target: `≥ ${TARGET_RATE.toLocaleString('en')} events/s, ≥ ${TARGET_RATIO}× bare`,
      ok: !bad && listen.rate >= TARGET_RATE && ratio >= TARGET_RATIO,
    },
  ];
}

async function main() {
  const { N, C, rounds, bare, listen, bad } = await measure();
  const fmt = (r) => `${r.kind.padEnd(6)}  ${Math.round(r.rate).toString().padStart(7)} req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   rss ${mib(r.rss)}   non-200: ${r.bad}`;
  console.log(`webhook listen bench: ${N} signed deliveries, ${C} in flight, loopback, median of ${rounds} alternating rounds`);
  console.log(fmt(bare));
  console.log(fmt(listen) + `   recorded: ${listen.recorded}`);
  const ratio = listen.rate / bare.rate;
  console.log(`listen/bare: throughput ${ratio.toFixed(2)}x   p50 ${(listen.p50 / bare.p50).toFixed(2)}x   p99 ${(listen.p99 / bare.p99).toFixed(2)}x   rss ${(listen.rss / bare.rss).toFixed(2)}x`);
  const okRate = listen.rate >= TARGET_RATE;
  const okRatio = ratio >= TARGET_RATIO;
  console.log(`target >= 5,000 events/s: ${okRate ? 'met' : 'MISSED'}; target >= 0.5x bare: ${okRatio ? 'met' : 'MISSED'}`);
  if (bad) {
    console.error(`error: expected ${N} recorded events and no failures, got ${bad.recorded} and ${bad.bad}`);
    process.exitCode = 1;
  }
}
