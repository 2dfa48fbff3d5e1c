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

describe('ycp webhook endpoint delete', () => {
  test('delete needs --yes when it cannot ask; with --yes it deletes', async () => {
    t = createTestCtx();
    expect(await t.run(['webhook', 'endpoint', 'delete', EP.id])).toBe(2);
    expect(t.stderr()).toContain('--yes');
    t.dispose();
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('DELETE', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    expect(await t.run(['webhook', 'endpoint', 'delete', EP.id, '--yes'])).toBe(0);
    expect(t.stderr()).toContain(`Deleted webhook endpoint ${EP.id}`);
  });

  test('delete asks on a TTY', async () => {
    t = createTestCtx({ stdinTTY: true, stdoutTTY: true, answers: { '--yes': true } });
    t.api.on('DELETE', `/webhookEndpoints/${EP.id}`).reply(200, EP);
    expect(await t.run(['webhook', 'endpoint', 'delete', EP.id])).toBe(0);
    expect(t.questions).toEqual(['--yes']);
  });

});
