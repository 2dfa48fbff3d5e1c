// Leftover listen endpoints at the Ctx seam, against spec-checked stubs.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { anEndpoint, aPage } from '../../helpers/builders.js';
import { currentHost, listenDescription } from '../../../src/core/webhook/endpoints.js';

const EP = anEndpoint();
let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp webhook clean', () => {
  const started = new Date(Date.parse('2026-11-26T12:00:00.000Z') - 3_600_000).toISOString();
  const old = new Date(Date.parse('2026-11-26T12:00:00.000Z') - 48 * 3_600_000).toISOString();
  const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max: never alive
  const eps = [
    anEndpoint({ id: 'wh_dead_here', description: listenDescription({ host: currentHost(), pid: DEAD_PID, started }) }),
    anEndpoint({ id: 'wh_alive_here', description: listenDescription({ host: currentHost(), pid: process.pid, started }) }),
    anEndpoint({ id: 'wh_other_recent', description: listenDescription({ host: 'build-box-7', pid: 42, started }) }),
    anEndpoint({ id: 'wh_other_old', description: listenDescription({ host: 'build-box-7', pid: 43, started: old }) }),
    anEndpoint({ id: 'wh_prod', description: 'production' }),
  ];

  test('deletes dead runs on this host and old ones elsewhere; keeps the rest', async () => {
    t = createTestCtx({ secrets: [EP.secret!] });
    t.api.on('GET', '/webhookEndpoints?page=1&limit=100').reply(200, aPage(eps));
    t.api.on('DELETE', '/webhookEndpoints/wh_dead_here').reply(200, eps[0]);
    t.api.on('DELETE', '/webhookEndpoints/wh_other_old').reply(404, { error: { status: 404, code: 'NOT_FOUND', message: 'not found' } });
    expect(await t.run(['webhook', 'clean'])).toBe(0);
    const rows = t.stdout().trim().split('\n').map((l) => l.split('\t').slice(0, 2).join(' '));
    expect(rows).toEqual(['deleted wh_dead_here', 'kept wh_alive_here', 'kept wh_other_recent', 'gone wh_other_old']);
    expect(t.stderr()).toBe('deleted 2 leftover endpoint(s)\n');
  });

  test('--all-hosts --dry-run shows what would go and deletes nothing', async () => {
    t = createTestCtx();
    t.api.on('GET', '/webhookEndpoints?page=1&limit=100').reply(200, aPage(eps));
    expect(await t.run(['webhook', 'clean', '--all-hosts', '--dry-run', '--json'])).toBe(0);
    const rows = JSON.parse(t.stdout()) as { id: string; action: string }[];
    expect(rows.map((r) => `${r.action} ${r.id}`)).toEqual(['would delete wh_dead_here', 'kept wh_alive_here', 'would delete wh_other_recent', 'would delete wh_other_old']);
  });
});
