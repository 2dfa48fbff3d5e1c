// `webhook replay` re-sends a recorded file over a real loopback socket to a local app.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { signatureHeader } from '../../../src/core/webhook/signature.js';
import { anEvent, startFakeApp } from '../../helpers/webhook.js';

let t: TestCtx;
let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'ycp-wh-cmd-'))));
afterEach(() => {
  t.verify();
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('ycp webhook replay', () => {
  const secret = 'whsec_trigger_test_000000000000';

  test('replay re-sends recorded events re-signed with a fresh timestamp, filtered by type', async () => {
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, [anEvent('evt_r_000001'), anEvent('evt_r_000002', 'whatsapp.template.reviewed'), anEvent('evt_r_000003')].map((e) => JSON.stringify(e)).join('\n') + '\n');
    const app = await startFakeApp();
    t = createTestCtx({ secrets: [secret] });
    t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
    try {
      expect(await t.run(['webhook', 'replay', '--from', file, '--type', 'whatsapp.message.updated', '--to', app.url, '--secret', secret])).toBe(0);
    } finally {
      await app.close();
    }
    expect(t.stdout()).toBe('200\twhatsapp.message.updated\tevt_r_000001\n200\twhatsapp.message.updated\tevt_r_000003\n');
    const tNow = Math.floor(t.clock.now() / 1000);
    for (const r of app.received) expect(r.headers['ycloud-signature']).toBe(signatureHeader(secret, tNow, r.body));
  });

  test('replay --id of an unknown event → exit 2', async () => {
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, JSON.stringify(anEvent('evt_r_000001')) + '\n');
    t = createTestCtx();
    expect(await t.run(['webhook', 'replay', '--from', file, '--id', 'evt_nope_1', '--to', 'http://127.0.0.1:9/', '--secret', secret])).toBe(2);
    expect(t.stderr()).toContain('no event evt_nope_1');
  });
});
