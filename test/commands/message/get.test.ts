import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aMessage } from '../../helpers/builders.js';

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
});
