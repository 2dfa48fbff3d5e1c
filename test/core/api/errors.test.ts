// The hint of a failed answer is chosen by its status, YCloud's code and the resource that was asked for
// (issue 14: every NOT_FOUND used to suggest `ycp waba list`, a PENDING template "this key may lack access").
import { beforeAll, describe, expect, test } from 'vitest';
import { apiErrorFrom, type AnswerContext } from '../../../src/core/api/errors.js';
import { loadLang } from '../../../src/i18n/index.js';

const BASE = 'https://api.ycloud.com/v2';
const body = (status: number, code: string, message = 'as YCloud says it') => JSON.stringify({ error: { status, code, message, requestId: 'req_1' } });
const hint = (status: number, code: string, f: Partial<AnswerContext> = {}) => apiErrorFrom(status, body(status, code), undefined, { what: 'x', baseUrl: BASE, ...f }).hintText('en');

beforeAll(() => loadLang('zh-CN'));

describe('the hint of a YCloud error', () => {
  test.each([
    [{ kind: 'waba' }, '`ycp waba list` shows the WABAs this key can see'],
    [{ kind: 'phone', wabaId: '104996844321234' }, '`ycp phone list --waba 104996844321234`'],
    [{ kind: 'message' }, 'the `id` that `ycp message send` printed'],
    [{ kind: 'webhookEndpoint' }, '`ycp webhook endpoint list`'],
    [{ kind: 'template', wabaId: '104996844321234' }, '`ycp template list --waba 104996844321234`'],
  ] as const)('NOT_FOUND for %j names the command that lists those', (resource, words) => {
    expect(hint(404, 'NOT_FOUND', { resource })).toContain(words);
  });

  test('NOT_FOUND for anything else still names the list commands', () => {
    expect(hint(404, 'NOT_FOUND')).toBe('check the ID; `ycp waba list` and `ycp phone list` show what this key can see');
  });

  test('a base URL without /v2 is the cause of every 404, whatever was asked for', () => {
    expect(hint(404, 'NOT_FOUND', { baseUrl: 'https://api.ycloud.com', resource: { kind: 'waba' } })).toContain('does not end in /v2');
    expect(hint(404, 'NOT_FOUND', { baseUrl: 'http://127.0.0.1:4010/v2/' })).not.toContain('/v2:');
  });

  test.each([
    ['WHATSAPP_TEMPLATE_UNAVAILABLE', 'it must be APPROVED'],
    ['BALANCE_INSUFFICIENT', 'balance is too low'],
    ['ACCOUNT_LIMITED', 'pre-verified numbers'],
    ['RECIPIENT_UNSUBSCRIBED', 'unsubscribed'],
    ['WHATSAPP_PHONE_NUMBER_UNAVAILABLE', '`ycp phone list`'],
    ['FORBIDDEN', 'this key may lack access'],
  ])('403 %s: %s', (code, words) => {
    const h = hint(403, code)!;
    expect(h).toContain(words);
    if (code !== 'FORBIDDEN') expect(h).not.toContain('lack access');
  });

  test("YCloud's words stay as sent inside ycp's sentence, in either language", () => {
    const e = apiErrorFrom(404, body(404, 'NOT_FOUND', 'Resource not found'), undefined, { what: { key: 'http.whatGetMessage', params: { id: 'm1' } }, baseUrl: BASE, resource: { kind: 'message' } });
    expect(e.message).toBe('could not get message m1: Resource not found');
    expect(e.text('zh-CN')).toBe('无法获取消息 m1：Resource not found');
    expect(e.hintText('zh-CN')).toContain('请检查消息 ID');
    expect(e.info).toMatchObject({ code: 'NOT_FOUND', requestId: 'req_1', status: 404 });
  });
});
