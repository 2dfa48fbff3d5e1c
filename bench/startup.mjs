// Start-up cost of the shipped binary, measured side by side with a bare `node -e 0` in one run.
// NODE_EXTRA_CA_CERTS is removed from the children: it alone adds ~45 ms to every Node start here.
// The children run on this Node, or on the one NODE_BIN names (`NODE_BIN=/path/to/node24 npm run bench`).
// Each case runs once before timing: the compile cache (Node's own from 22.1, bin/compile-cache.ts before
// that) is what a user's second run gets.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../dist/ycp.js', import.meta.url));
const WABA = '104996844321234';
export const TARGETS = { 'ycp --version': 1.3, 'ycp --help': 1.5, 'ycp waba get <id>': 2.5 };

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The Node the children run on: NODE_BIN, else this one. */
export function benchNode() {
  const node = process.env.NODE_BIN || process.execPath;
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!version) throw new Error(`NODE_BIN=${node} does not run`);
  return { node, version };
}

export async function benchStartup({ runs = 25, node = benchNode().node } = {}) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'ycloud-request-id': 'req_bench' });
    res.end(JSON.stringify({ id: WABA, name: 'Bench', paymentMethodAttached: true, accountReviewStatus: 'APPROVED' }));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/v2`;
  const env = { ...process.env, YCLOUD_API_KEY: 'bench-key-000000000', YCLOUD_BASE_URL: base, NO_COLOR: '1' };
  delete env.NODE_EXTRA_CA_CERTS;
  const cases = {
    'node -e 0': ['-e', '0'],
    'ycp --version': [BIN, '--version'],
    'ycp --help': [BIN, '--help'],
    'ycp waba get <id>': [BIN, 'waba', 'get', WABA],
  };
  // spawnSync would block the local server, so each child runs async and is waited for.
  const once = (name, args) =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const c = spawn(node, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      c.stderr.on('data', (d) => (err += d));
      c.on('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`${name} exited ${code}: ${err}`))));
    });
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  try {
    for (const [name, args] of Object.entries(cases)) await once(name, args);
    // Interleave the cases so machine noise hits them all alike.
    for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(cases)) times[name].push(await once(name, args));
  } finally {
    server.close();
  }
  const baseMs = median(times['node -e 0']);
  return Object.entries(times).map(([name, xs]) => {
    const m = median(xs);
    const ratio = m / baseMs;
    const target = TARGETS[name];
    return { name, medianMs: Math.round(m * 10) / 10, ratio: Math.round(ratio * 100) / 100, target, ok: target === undefined || ratio <= target };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { node, version } = benchNode();
  console.log(`node ${version} (${node})`);
  for (const r of await benchStartup({ node })) console.log(r);
}
