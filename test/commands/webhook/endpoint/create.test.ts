// Endpoint CRUD at the Ctx seam, against spec-checked stubs.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../../helpers/test-ctx.js';
import { anEndpoint } from '../../../helpers/builders.js';

const EP = anEndpoint();
let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp webhook endpoint create', () => {
  test('create sends url + events + description and masks the new secret', async () => {
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('POST', '/webhookEndpoints').reply(200, anEndpoint({ enabledEvents: ['whatsapp.message.updated', 'whatsapp.template.reviewed'] }));
    expect(await t.run(['webhook', 'endpoint', 'create', 'https://example.com/webhooks/ycloud', '--events', 'whatsapp.message.updated,whatsapp.template.reviewed', '--description', 'prod'])).toBe(0);
    expect(t.api.requests[0]!.body).toEqual({ url: 'https://example.com/webhooks/ycloud', enabledEvents: ['whatsapp.message.updated', 'whatsapp.template.reviewed'], description: 'prod' });
    expect(t.stdout()).toContain('secret\twhsec_abc…3f1');
    expect(t.stderr()).toContain(`Created webhook endpoint ${EP.id}`);
  });

  test('create rejects an unknown event type (exit 2, nothing sent)', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'endpoint', 'create', 'https://example.com/h', '--event', 'whatsapp.nope'])).toBe(2);
    expect(t.stderr()).toContain('unknown event type "whatsapp.nope"');
  });


  // issue 14, tried: `webhook endpoint create http://…` was accepted although YCloud needs https.
  test.each([
    ['http://example.com/hook', 'error: YCloud delivers webhooks only to https URLs, got "http://example.com/hook"'],
    ['https://localhost:3000/hook', 'error: YCloud cannot reach "https://localhost:3000/hook": it is on this machine'],
    ['http://127.0.0.1:3000/hook', 'error: YCloud cannot reach "http://127.0.0.1:3000/hook": it is on this machine'],
  ])('%s → exit 2, nothing sent', async (url, said) => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'endpoint', 'create', url])).toBe(2);
    expect(t.stderr()).toContain(said);
    expect(t.stderr()).toContain('hint: ');
    expect(t.api.requests).toEqual([]);
  });

  test('against the local sandbox (a loopback base URL), a local http URL is fine', async () => {
    t = createTestCtx({ env: { YCLOUD_BASE_URL: 'http://127.0.0.1:4010/v2' } });
    t.api.on('POST', '/webhookEndpoints').reply(200, anEndpoint({ url: 'http://127.0.0.1:3000/hook' }));
    expect(await t.run(['webhook', 'endpoint', 'create', 'http://127.0.0.1:3000/hook'])).toBe(0);
    expect(t.api.requests[0]!.body).toMatchObject({ url: 'http://127.0.0.1:3000/hook' });
  });
});
