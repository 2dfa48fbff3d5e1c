// What commands print for a person, run with YCP_LANG=zh-CN: usage and validation errors, API errors with
// their hints, tables, summaries. All of it Chinese, with Chinese punctuation; YCloud's own words stay as
// sent (stubbed here as "YC-SAID …", removed before the check) and so do names, flags, codes and commands.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../helpers/test-ctx.js';
import { aMessage, aPage, aPhoneNumber, aWaba, anError, E164, WABA_ID } from '../helpers/builders.js';
import { finishedProfile, stubBalance, stubLists } from '../helpers/onboarding.js';
import { asciiPunctuation, englishLeft, hasHan } from '../helpers/i18n.js';
import { displayWidth } from '../../src/ui/format.js';
import { ALL_PERSON_ITEMS } from '../../src/core/checklist/types.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

const SAID = /YC-SAID[\w -]*/g;
const zh = (o: Parameters<typeof createTestCtx>[0] = {}) => (t = createTestCtx({ ...o, env: { YCP_LANG: 'zh-CN', ...o.env } }));

/** The output of a run in Chinese: every line that is words says them in Chinese. */
function expectChinese(text: string) {
  const own = text.replace(SAID, ' ');
  expect(englishLeft(own), text).toEqual([]);
  expect(asciiPunctuation(own), text).toEqual([]);
  expect(hasHan(own), text).toBe(true);
}

describe('YCP_LANG=zh-CN: what ycp prints is Chinese', () => {
  test.each([
    [['phon', 'list'], '未知命令 \'phon\'\n（是不是想输入 `phone`？）'],
    [['waba', 'list', '--stat', 'x'], '未知选项 \'--stat\''],
    [['waba', 'get'], '缺少必需的参数 \'wabaId\''],
    [['waba', 'get', '1', '2'], '参数过多'],
    [['waba', 'list', '--status', 'BOGUS'], '可选值为 PENDING, APPROVED, REJECTED。'],
    [['phone', 'wait', WABA_ID, E164, '--timeout', 'soon'], '请使用数字加单位'],
    [['message', 'send', '--to', E164], '缺少必需的选项 \'--from <e164>\''],
    [['phone', 'get', WABA_ID, '15550001111'], '是不是想输入 +15550001111？'],
    [['config', 'set', 'foo', '1'], '未知的设置 "foo"'],
    [['--lang', 'fr', 'waba', 'list'], '--lang：只能是 en 或 zh-CN'],
    [['webhook', 'endpoint', 'create', 'http://example.com/hook'], 'YCloud 只向 https URL 推送 webhook'],
    [['message', 'send', '--from', E164, '--to', '+15550002222'], '请说明要发送的内容'],
  ])('ycp %j: exit 2, said in Chinese', async (argv, words) => {
    zh();
    expect(await t.run(argv)).toBe(2);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toContain(words);
    expect(t.stderr()).toMatch(/^错误：/);
    expectChinese(t.stderr());
  });

  test('--json usage errors carry the Chinese message too', async () => {
    zh();
    expect(await t.run(['--json', 'waba', 'get'])).toBe(2);
    expect(JSON.parse(t.stdout())).toEqual({ error: { kind: 'usage', message: "缺少必需的参数 'wabaId'" } });
  });

  test('an API error: YCloud\'s words as sent, ycp\'s explanation and hint in Chinese', async () => {
    zh();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(404, anError(404, 'NOT_FOUND', 'YC-SAID Not Found'));
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(1);
    expect(t.stderr()).toBe(
      `错误：无法获取 WABA ${WABA_ID}：YC-SAID Not Found\n代码：NOT_FOUND   请求 ID：req_1KjtKI80IKoaJNa6n6p\n提示：请检查 WABA ID；\`ycp waba list\` 会列出该密钥可见的 WABA\n`,
    );
    expectChinese(t.stderr());
  });

  test('no key: exit 4 in Chinese', async () => {
    zh({ noKey: true });
    expect(await t.run(['waba', 'list'])).toBe(4);
    expect(t.stderr()).toBe('错误：没有设置 API 密钥\n提示：运行 `ycp login`（配置档 "default"），或设置 YCLOUD_API_KEY\n');
  });

  test('tables and fields: headers and labels in Chinese, aligned by display width', async () => {
    zh({ stdoutTTY: true });
    t.api.on('GET', '/whatsapp/phoneNumbers?page=1&limit=100').reply(200, aPage([aPhoneNumber({ verifiedName: '演示公司' })]));
    expect(await t.run(['phone', 'list'])).toBe(0);
    const [header, row] = t.stdout().split('\n');
    expect(header).toMatch(/^ID +号码 +状态 +WABA +名称 +质量$/);
    // Each column starts at the same terminal column in the header and the row (CJK counts two).
    const column = (line: string, word: string) => displayWidth(line.slice(0, line.indexOf(word)));
    expect(column(row!, 'CONNECTED')).toBe(column(header!, '状态'));
    expectChinese(header!);
    t.verify();
    t.dispose();
    zh();
    t.api.on('GET', `/whatsapp/businessAccounts/${WABA_ID}`).reply(200, aWaba({ paymentMethodAttached: false }));
    expect(await t.run(['waba', 'get', WABA_ID])).toBe(0);
    expect(t.stdout()).toContain('已绑定付款方式\tfalse\n');
    expect(t.stderr()).toBe('警告：没有绑定付款方式：付费消息会发送失败；请联系 YCloud 绑定其信用额度\n');
  });

  test('a wait: its summary in Chinese', async () => {
    zh();
    t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/${encodeURIComponent(E164)}`).reply(200, aPhoneNumber()).persist();
    expect(await t.run(['phone', 'wait', WABA_ID, E164])).toBe(0);
    expect(t.stderr()).toBe(`✓ ${E164} 已是 CONNECTED（第一次检查时就已如此）\n`);
  });

  test('a message that failed: Meta\'s reason as sent, the rest in Chinese', async () => {
    zh();
    t.api.on('POST', '/whatsapp/messages').reply(200, aMessage({ status: 'failed', errorCode: '131026', errorMessage: 'YC-SAID Message undeliverable' }));
    expect(await t.run(['message', 'send', '--from', E164, '--to', '+15550002222', '--text', 'hi', '--wait'])).toBe(1);
    expect(t.stderr()).toContain('错误：消息');
    expect(t.stderr()).toContain('发送失败：YC-SAID Message undeliverable');
    expectChinese(t.stderr().replace(/正在等待.*\n/, ''));
  });

  // issue 14 found "已勾选 5/5 项; 应用 ID" in status's evidence (issue 12 has since joined it the Chinese way).
  test('status in Chinese: its evidence and table are Chinese, with Chinese punctuation', async () => {
    zh({ stdoutTTY: true, profile: finishedProfile() });
    stubBalance(t);
    stubLists(t, { numbers: [aPhoneNumber()] });
    expect(await t.run(['status'])).toBe(0);
    expect(t.stdout()).toContain('您已确认（2026-11-20）：');
    expect(asciiPunctuation(t.stdout())).toEqual([]);
    // The attested items are named by their IDs (what `init --attest` takes).
    expect(englishLeft(t.stdout().replace(new RegExp(`\\b(?:${ALL_PERSON_ITEMS.join('|')})\\b`, 'g'), ' '))).toEqual([]);
  });
});
