// Endpoint CRUD at the Ctx seam, against spec-checked stubs.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../../helpers/test-ctx.js';
import { anEndpoint, anError } from '../../../helpers/builders.js';

const EP = anEndpoint();
let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp webhook endpoint rotate-secret', () => {
  test('rotate-secret shows the new secret masked and warns about the switch', async () => {
    const rotated = anEndpoint({ secret: 'whsec_new0000000000000000000000000999' });
    t = createTestCtx({ secrets: [rotated.secret!] });
    t.api.on('POST', `/webhookEndpoints/${EP.id}/rotateSecret`).reply(200, rotated);
    expect(await t.run(['webhook', 'endpoint', 'rotate-secret', EP.id])).toBe(0);
    expect(t.stdout()).toContain('secret\twhsec_new…999');
    expect(t.stderr()).toContain('no grace period');
  });

  // issue 14, tried: NOT_FOUND for a webhook endpoint suggested `ycp waba list`.
  test('NOT_FOUND for an endpoint: the hint names `ycp webhook endpoint list`', async () => {
    t = createTestCtx();
    t.api.on('POST', '/webhookEndpoints/wh_gone/rotateSecret').reply(404, anError(404, 'NOT_FOUND'));
    expect(await t.run(['webhook', 'endpoint', 'rotate-secret', 'wh_gone'])).toBe(1);
    expect(t.stderr()).toContain('hint: check the endpoint ID; `ycp webhook endpoint list` shows the endpoints of this account\n');
    expect(t.stderr()).not.toContain('waba list');
  });
});
