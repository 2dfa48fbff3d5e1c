// The shipped bundle loads parts of undici lazily (see scripts/build.mjs); this proves a real TLS
// connection still works end to end with the built binary, as every real YCloud call is HTTPS.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';
import { aWaba, WABA_ID } from '../helpers/builders.js';
import { selfSignedCert } from '../helpers/tls.js';

test('the built binary talks HTTPS, trusting a CA from NODE_EXTRA_CA_CERTS', async () => {
  const { key, cert, certFile } = selfSignedCert(mkdtempSync(join(tmpdir(), 'ycp-tls-')), 'IP:127.0.0.1');
  const seen: string[] = [];
  const server = createServer({ key, cert }, (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json', 'ycloud-request-id': 'req_tls' });
    res.end(JSON.stringify(aWaba()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    const r = await runBin(['waba', 'get', WABA_ID, '--json'], {
      env: { YCLOUD_BASE_URL: `https://127.0.0.1:${port}/v2`, YCLOUD_API_KEY: 'tls-key-000000000', NODE_EXTRA_CA_CERTS: certFile },
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(aWaba());
    expect(seen).toEqual([`GET /v2/whatsapp/businessAccounts/${WABA_ID}`]);
  } finally {
    server.close();
  }
});
