import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';

let t: TestCtx;
let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'ycp-wh-cmd-'))));
afterEach(() => {
  t.verify();
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('ycp webhook verify', () => {
  const secret = 'whsec_ycp_demo_secret';
  const body = '{"id":"evt_demo","type":"whatsapp.message.updated","apiVersion":"v2"}';
  const header = 't=1712345678,s=691d465054d22a765e349d7cfe8e16eb75f818426d6aaaef25f57b6d98ef7b31';

  test('valid from --body-file → exit 0', async () => {
    writeFileSync(join(dir, 'body.json'), body);
    t = createTestCtx({ secrets: [secret] });
    expect(await t.run(['webhook', 'verify', '--secret', 'whsec_other_secret_x', '--secret', secret, '--header', header, '--body-file', join(dir, 'body.json'), '--now', '1712345700'])).toBe(0);
    expect(t.stdout()).toBe('valid (timestamp 1712345678, secret #2 of 2)\n');
  });

  test('valid from stdin, whole header line → exit 0; --json', async () => {
    t = createTestCtx({ stdin: body, secrets: [secret] });
    expect(await t.run(['webhook', 'verify', '--secret', secret, '--header', `YCloud-Signature: ${header}`, '--now', '1712345678', '--json'])).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({ valid: true, timestamp: 1712345678, secretIndex: 0 });
  });

  test.each([
    ['stale timestamp', ['--now', '1712346000'], body, 'stale-timestamp'],
    ['no matching secret', ['--now', '1712345678'], body + ' ', 'no-matching-secret'],
    ['bad format', ['--now', '1712345678', '--header', 't=1712345678'], body, 'bad-format'],
  ])('%s → exit 3 with the reason', async (_n, extra, input, reason) => {
    t = createTestCtx({ stdin: input, secrets: [secret] });
    const argv = ['webhook', 'verify', '--secret', secret, '--header', header, ...extra];
    expect(await t.run(argv)).toBe(3);
    expect(t.stderr()).toContain(`invalid signature (${reason})`);
    expect(t.stdout()).toBe('');
  });

  // issue 14, tried: a stale header said "-1796004625s away"; say how old, in units a person reads.
  test.each([
    ['1712352878', 'the timestamp is 2 hours old (tolerance 5 minutes)'],
    ['1712345078', 'the timestamp lies 10 minutes in the future (tolerance 5 minutes)'],
    ['3508350303', 'the timestamp is 57 years old (tolerance 5 minutes)'],
  ])('stale at --now %s: "%s"', async (now, said) => {
    t = createTestCtx({ stdin: body, secrets: [secret] });
    expect(await t.run(['webhook', 'verify', '--secret', secret, '--header', header, '--now', now])).toBe(3);
    expect(t.stderr()).toContain(`error: invalid signature (stale-timestamp): ${said}\n`);
    expect(t.stderr()).toContain('hint: check the clock of this machine');
  });

  test('in Chinese: how old, in Chinese units', async () => {
    t = createTestCtx({ stdin: body, secrets: [secret], env: { YCP_LANG: 'zh-CN' } });
    expect(await t.run(['webhook', 'verify', '--secret', secret, '--header', header, '--now', '1712352878'])).toBe(3);
    expect(t.stderr()).toContain('错误：签名无效（stale-timestamp）：时间戳是 2 小时前的（容差 5 分钟）\n');
  });
});
