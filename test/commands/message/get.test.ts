import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aMessage, anError } from '../../helpers/builders.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const ID = '63f5d3c2d4e5f6a7b8c9d0e1';

describe('ycp message get', () => {
  test('prints the status first', async () => {
    t = createTestCtx();
    t.api.on('GET', `/whatsapp/messages/${ID}`).reply(200, aMessage({ status: 'delivered', wamid: 'wamid.HBgLMTU1NTAwMDIyMjIVAgARGBI' }));
    expect(await t.run(['message', 'get', ID])).toBe(0);
    expect(t.stdout().split('\n')[0]).toBe('status\tdelivered');
  });

  // issue 14, tried: NOT_FOUND for a message suggested `ycp waba list`.
  test('NOT_FOUND for a message: the hint is about message IDs and `ycp message get`, not WABAs', async () => {
    t = createTestCtx();
    t.api.on('GET', `/whatsapp/messages/${ID}`).reply(404, anError(404, 'NOT_FOUND'));
    expect(await t.run(['message', 'get', ID])).toBe(1);
    expect(t.stderr()).toContain(`error: could not get message ${ID}: not found\n`);
    expect(t.stderr()).toContain('hint: check the message ID: it is the `id` that `ycp message send` printed (not the wamid); `ycp message get ID` reads it\n');
    expect(t.stderr()).not.toContain('waba list');
  });

  // issue 14, tried: a base URL without /v2 got "check the ID".
  test('a base URL without /v2: the 404 hint says so', async () => {
    t = createTestCtx({ env: { YCLOUD_BASE_URL: 'https://api.ycloud.com' } });
    t.api.on('GET', `/whatsapp/messages/${ID}`).reply(404, anError(404, 'NOT_FOUND'));
    expect(await t.run(['message', 'get', ID])).toBe(1);
    expect(t.stderr()).toContain('hint: the base URL https://api.ycloud.com does not end in /v2: YCloud\'s API lives under https://api.ycloud.com/v2');
  });
});
