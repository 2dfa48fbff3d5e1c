// Live tests against the real YCloud API: only with YCP_LIVE=1 and a (sandbox) key in YCLOUD_API_KEY.
// vitest.config.ts excludes this folder otherwise; anything created is deleted in `finally`.
import { describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';
import { expectNoSecrets } from '../helpers/test-ctx.js';
import { assertValidResponse } from '../helpers/contract.js';

const key = process.env.YCLOUD_API_KEY ?? '';
const env = { YCLOUD_API_KEY: key, YCLOUD_BASE_URL: process.env.YCLOUD_BASE_URL, HTTPS_PROXY: process.env.HTTPS_PROXY };

describe.runIf(process.env.YCP_LIVE === '1')('live YCloud API', () => {
  test('the key works and WABAs list in the spec shape', async () => {
    const auth = await runBin(['auth', 'status', '--json'], { env });
    expect(auth.code).toBe(0);
    const wabas = await runBin(['waba', 'list', '--json'], { env });
    expect(wabas.code).toBe(0);
    for (const w of JSON.parse(wabas.stdout)) assertValidResponse('GET', `/whatsapp/businessAccounts/${w.id}`, 200, w);
    expectNoSecrets(auth.stdout + auth.stderr + wabas.stdout + wabas.stderr, [key]);
  });

  test('numbers list in the spec shape', async () => {
    const r = await runBin(['phone', 'list', '--json'], { env });
    expect(r.code).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });
});
