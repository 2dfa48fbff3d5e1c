import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { aPhoneNumber, anEndpoint } from '../../helpers/builders.js';
import { E164, finishedProfile, stubBalance, stubLists } from '../../helpers/onboarding.js';

let t: TestCtx;
afterEach(() => {
  t.verify();
  t.dispose();
});

describe('ycp status', () => {
  test('all done: the nine steps with their evidence on a TTY, and --exit-status exits 0', async () => {
    t = createTestCtx({ stdoutTTY: true, profile: finishedProfile() });
    stubBalance(t);
    stubLists(t, { numbers: [aPhoneNumber(), aPhoneNumber({ id: '2', phoneNumber: '+15550002222', status: 'PENDING' })] });
    expect(await t.run(['status', '--exit-status'])).toBe(0);
    const out = t.stdout();
    expect(out).toContain('Onboarding progress (profile "default")');
    // Each step says how ycp knows: checked live (and how), or the person's word (and when).
    expect(out).toMatch(/2 +done +attested +YCloud account and API key +key tes…a64 accepted by YCloud \(GET \/balance, request id req_\w+; env YCLOUD_API_KEY\); you confirmed \(2026-11-20\): account-email/);
    expect(out).toMatch(new RegExp(`6 +done +verified +Connect a first customer number +WABAs: 1; payment method attached; \\${E164} CONNECTED`));
    expect(out).toMatch(/7 +done +verified +Webhooks +endpoint wh\w+ active, subscribed to all \d+ whatsapp\.\* event types/);
    expect(out).toMatch(/8 +done +attested +Meta App Review +you confirmed \(2026-11-20\): review-settings, review-management, review-messaging, review-submitted, review-approved, app-live/);
    expect(out).toMatch(/9 +done +attested +Go live +steps 1-8 done/);
    expect(out).toContain('All nine steps are done.');
    expect(t.stderr()).toBe('');
  });

  test('a fresh profile: tab-separated rows when piped, the next command on stderr, --exit-status exits 3', async () => {
    t = createTestCtx({ noKey: true });
    expect(await t.run(['status', '--exit-status'])).toBe(3);
    const rows = t.stdout().trim().split('\n').map((l) => l.split('\t'));
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual(['1', 'to do', 'to do', 'Apply to become a YCloud technical partner', "to confirm: --attest application; → submit the application on YCloud's partner page"]);
    expect(rows[1]).toEqual(['2', 'to do', 'to do', 'YCloud account and API key', 'no API key; to confirm: --attest account-email; → give ycp your API key: `ycp init --step 2` (or `ycp login`)']);
    expect(t.stderr()).toBe('Next: ycp init --step 1\nerror: 9 of 9 onboarding steps are not done\nhint: ycp init --step 1\n');
  });

  test('--json is one document; a disabled endpoint and a dropped number undo steps 6 and 7', async () => {
    t = createTestCtx({ profile: finishedProfile() });
    stubBalance(t);
    stubLists(t, { numbers: [aPhoneNumber({ status: 'DISCONNECTED' })], endpoints: [anEndpoint({ url: 'https://hooks.example.com/ycloud', status: 'disabled' })] });
    expect(await t.run(['status', '--json', '--exit-status'])).toBe(3);
    const doc = JSON.parse(t.stdout());
    expect(doc.complete).toBe(false);
    expect(doc.next).toBe('ycp init --step 6');
    expect(doc.steps[5]).toMatchObject({ state: 'todo', evidence: ['WABAs: 1', 'payment method attached', `${E164} DISCONNECTED`], blocker: 'no number is CONNECTED yet' });
    expect(doc.steps[6]).toMatchObject({ state: 'todo', blocker: 'endpoint wh627c1a2b3c4d5e6f7a8b9c0d is disabled' });
    expect(doc.steps[8]).toMatchObject({ state: 'todo', blocker: 'finish steps 6, 7 first' });
  });

  test('no network: recorded steps stay as recorded, with "not checked" as their evidence', async () => {
    t = createTestCtx({ profile: finishedProfile(), env: { YCP_LANG: 'zh-CN' } });
    t.api.on('GET', '/balance').replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).persist();
    expect(await t.run(['status', '--json'])).toBe(0);
    const doc = JSON.parse(t.stdout());
    expect(doc.lang).toBe('zh-CN');
    expect(doc.steps[5].state).toBe('done');
    expect(doc.steps[5].evidence[0]).toMatch(/^未检查：无法连接 https:\/\/api\.ycloud\.com\/v2 上的 YCloud/);
    expect(doc.steps[0].title).toBe('提交 YCloud 技术开发伙伴合作申请');
  });
  test('in Chinese: the kind column and the evidence in Chinese words and punctuation', async () => {
    t = createTestCtx({ stdoutTTY: true, profile: finishedProfile(), env: { YCP_LANG: 'zh-CN' } });
    stubBalance(t);
    stubLists(t);
    expect(await t.run(['status'])).toBe(0);
    const out = t.stdout();
    expect(out).toMatch(/# +状态 +确认方式 +步骤 +依据/);
    expect(out).toMatch(/1 +已完成 +本人确认 +提交 YCloud 技术开发伙伴合作申请 +您已确认（2026-11-20）：application/);
    expect(out).toMatch(new RegExp(`6 +已完成 +已验证 +.+WABA.+；`));
    expect(out).toContain('九个步骤');
  });
});
