// The shipped bundle loads parts of undici lazily (see scripts/build.mjs); this proves a real TLS
// connection still works end to end with the built binary, as every real YCloud call is HTTPS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';
import { aWaba, WABA_ID } from '../helpers/builders.js';

test('the built binary talks HTTPS, trusting a CA from NODE_EXTRA_CA_CERTS', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ycp-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const seen: string[] = [];
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json', 'ycloud-request-id': 'req_tls' });
    res.end(JSON.stringify(aWaba()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    const r = await runBin(['waba', 'get', WABA_ID, '--json'], {
      env: { YCLOUD_BASE_URL: `https://127.0.0.1:${port}/v2`, YCLOUD_API_KEY: 'tls-key-000000000', NODE_EXTRA_CA_CERTS: cert },
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(aWaba());
    expect(seen).toEqual([`GET /v2/whatsapp/businessAccounts/${WABA_ID}`]);
  } finally {
    server.close();
  }
});
