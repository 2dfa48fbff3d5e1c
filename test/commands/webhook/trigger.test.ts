// `webhook trigger` sends over a real loopback socket to a real listener.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { startWebhookListener } from '../../../src/core/webhook/listener.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp webhook trigger', () => {
  const secret = 'whsec_trigger_test_000000000000';

  test('--list lists every spec type', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'trigger', '--list', '--json'])).toBe(0);
    const rows = JSON.parse(t.stdout()) as { type: string }[];
    expect(rows).toHaveLength(33);
    expect(rows.find((r) => r.type === 'whatsapp.message.updated')).toEqual({ type: 'whatsapp.message.updated', payload: true });
  });

  test('sends a signed sample that a listener accepts; prints the status', async () => {
    t = createTestCtx({ secrets: [secret] });
    t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
    const got: unknown[] = [];
    const l = await startWebhookListener({ secrets: [secret], now: () => t.clock.now(), onEvent: (e) => got.push(e) });
    try {
      expect(await t.run(['webhook', 'trigger', 'whatsapp.template.reviewed', '--to', l.url, '--secret', secret])).toBe(0);
    } finally {
      await l.close();
    }
    expect(t.stdout()).toMatch(/^200\twhatsapp\.template\.reviewed\tevt_ycp_[0-9a-f]{20}\n$/);
    expect(got).toHaveLength(1);
  });

  test('a rejected trigger → exit 1 and the status', async () => {
    t = createTestCtx({ env: { YCLOUD_WEBHOOK_SECRET: 'whsec_wrong_one_000000000' } });
    t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
    const l = await startWebhookListener({ secrets: [secret], now: () => t.clock.now() });
    try {
      expect(await t.run(['webhook', 'trigger', 'whatsapp.message.updated', '--to', l.url])).toBe(1);
    } finally {
      await l.close();
    }
    expect(t.stdout()).toMatch(/^400\t/);
    expect(t.stderr()).toContain('answered 400');
  });

  test('trigger without an event type or --to → exit 2', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'trigger', 'whatsapp.message.updated'])).toBe(2);
    expect(t.stderr()).toContain('--to is required');
    expect(await t.run(['webhook', 'trigger', '--to', 'http://127.0.0.1:9/'])).toBe(2);
    expect(t.stderr()).toContain('an event type is required');
  });

  test('without --secret or YCLOUD_WEBHOOK_SECRET it signs with the profile\'s forwarding secret (created once)', async () => {
    t = createTestCtx();
    t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
    const forwarding = (await t.ctx.config()).store.profile('default').forwardingSecret;
    expect(forwarding).toBeUndefined();
    const got: unknown[] = [];
    let l: Awaited<ReturnType<typeof startWebhookListener>> | undefined;
    try {
      const store = (await t.ctx.config()).store;
      l = await startWebhookListener({ secrets: () => [String(store.profile('default').forwardingSecret)], now: () => t.clock.now(), onEvent: (e) => got.push(e) });
      expect(await t.run(['webhook', 'trigger', 'whatsapp.message.updated', '--to', l.url])).toBe(0);
      expect(store.profile('default').forwardingSecret).toMatch(/^whsec_[0-9a-f]{32}$/);
    } finally {
      await l?.close();
    }
    expect(got).toHaveLength(1);
    expect(t.stderr()).toContain('signed with the forwarding secret of profile "default"');
  });

});
