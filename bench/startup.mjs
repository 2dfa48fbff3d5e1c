// Start-up cost of the shipped binary, measured side by side with a bare `node -e 0` in one run.
// NODE_EXTRA_CA_CERTS is removed from the children: it alone adds ~45 ms to every Node start here.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../dist/ycp.js', import.meta.url));
const WABA = '104996844321234';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchStartup({ runs = 25 } = {}) {
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
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  // Interleave the cases so machine noise hits them all alike.
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(cases)) {
      const t0 = process.hrtime.bigint();
      const r = await new Promise((resolve) => {
        // spawnSync would block the local server, so run async via a child and wait.
        import('node:child_process').then(({ spawn }) => {
          const c = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          c.stderr.on('data', (d) => (err += d));
          c.on('close', (code) => resolve({ code, err }));
        });
      });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.code !== 0) throw new Error(`${name} exited ${r.code}: ${r.err}`);
      times[name].push(ms);
    }
  }
  server.close();
  const baseMs = median(times['node -e 0']);
  const targets = { 'ycp --version': 1.3, 'ycp --help': 1.5, 'ycp waba get <id>': 2.5 };
  return Object.entries(times).map(([name, xs]) => {
    const m = median(xs);
    const ratio = m / baseMs;
    const target = targets[name];
    return { name, medianMs: Math.round(m * 10) / 10, ratio: Math.round(ratio * 100) / 100, target, ok: target === undefined || ratio <= target };
  });
}

void spawnSync;
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchStartup()) console.log(r);
}
