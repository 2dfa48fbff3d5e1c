import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readConfigBlock } from '../../../src/core/signup/config-block.js';
import { createTestCtx, TEST_KEY, type TestCtx } from '../../helpers/test-ctx.js';
import { aPhoneNumber, aWaba } from '../../helpers/builders.js';
import { YcpError } from '../../../src/core/errors.js';
import { WHATSAPP_EVENT_TYPES } from '../../../src/core/webhook/event-types.js';
import { APP_ID, CONFIG_ID, E164, HOOK_URL, PHONE_ID, SOLUTION_ID, WABA_ID, fullEndpoint, stubBalance, stubLists } from '../../helpers/onboarding.js';

const SECRET = fullEndpoint().secret!;
let ts: TestCtx[] = [];
const make = (o: Parameters<typeof createTestCtx>[0]) => {
  const t = createTestCtx({ secrets: [SECRET], ...o });
  ts.push(t);
  return t;
};
let dirs: string[] = [];
/** A fresh folder for the Embedded Signup page (never the working directory). */
const pageDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ycp-page-'));
  dirs.push(d);
  return join(d, 'signup page'); // a space: the printed command must quote it
};
afterEach(() => {
  for (const t of ts) t.verify();
  for (const t of ts.reverse()) t.dispose();
  ts = [];
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
const pageIds = (dir: string) => readConfigBlock(readFileSync(join(dir, 'index.html'), 'utf8'));
const stored = async (t: TestCtx) => (await t.ctx.config()).store.profile('default') as Record<string, any>;
const states = (p: Record<string, any>) => Object.fromEntries(Object.entries(p.init.steps).map(([k, v]: [string, any]) => [k, v.state]));

/** The API as a partner sees it just after their first Embedded Signup: a WABA, a PENDING number, no endpoint. */
function stubFirstRun(t: TestCtx) {
  stubBalance(t);
  stubLists(t, { numbers: [aPhoneNumber({ status: 'PENDING' })], endpoints: [] });
  t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, { offset: 0, limit: 100, length: 1, items: [aPhoneNumber({ status: 'PENDING' })] });
  t.api.on('POST', `/whatsapp/phoneNumbers/${WABA_ID}/${PHONE_ID}/register`).reply(200, aPhoneNumber({ status: 'PENDING' }));
  t.api.on('GET', `/whatsapp/phoneNumbers/${WABA_ID}/%2B15550001111`).reply(200, aPhoneNumber({ status: 'CONNECTED' }));
  t.api.on('POST', '/webhookEndpoints').reply(200, fullEndpoint());
  t.api.on('GET', `/webhookEndpoints/${fullEndpoint().id}`).reply(200, fullEndpoint());
}

describe('ycp init: the whole wizard', () => {
  test('interactive: scripted answers take a new partner through all nine steps', async () => {
    const page = pageDir();
    const t = make({
      stdinTTY: true,
      stdoutTTY: true,
      answers: { '--yes': true, '--app-id': APP_ID, '--solution-id': SOLUTION_ID, '--config-id': CONFIG_ID, '--page-dir': page, '--webhook-url': HOOK_URL },
    });
    stubFirstRun(t);
    const code = await t.run(['init']);
    expect(t.stderr()).toContain('All nine steps are done');
    expect(code).toBe(0);
    // Prompts in the guide's order, each named by its flag.
    expect([...new Set(t.questions)]).toEqual(['--yes', '--app-id', '--solution-id', '--config-id', '--page-dir', '--webhook-url']);
    const err = t.stderr();
    expect(err).toContain('Meta App Dashboard > WhatsApp > Partner Solutions > "Create a partner solution"');
    expect(err).toMatch(/\n {6}2892949377516980\n/); // alone on its line, ready to copy
    expect(err).toContain('"WhatsApp Embedded Signup Configuration With 60 Expiration Token"');
    for (const s of ['Client OAuth Login', 'Web OAuth Login', 'Enforce HTTPS', 'Embedded Browser OAuth Login', 'Use Strict Mode for redirect URIs', 'Login with the JavaScript SDK']) {
      expect(err).toContain(`  - ${s}: Yes`);
    }
    expect(err).toContain('https://www.ycloud.com/zh/partner');
    expect(err).toContain('https://www.ycloud.com/console/#/entry/register');
    expect(err).toContain('App Dashboard > WhatsApp > Quickstart > Continue onboarding > Start app review');
    expect(err).toContain('the same video twice gets the submission rejected');
    // The scaffold offer ran through the command tree, in the folder the user named, with the recorded IDs.
    expect(err).toContain(`\`ycp signup scaffold --out '${page}' --app-id ${APP_ID} --config-id ${CONFIG_ID} --solution-id ${SOLUTION_ID}\` finished.`);
    expect(err).toContain(`Wrote the Embedded Signup page in ${page}`);
    expect(pageIds(page)).toMatchObject({ appId: APP_ID, configId: CONFIG_ID, solutionId: SOLUTION_ID });
    expect(err).toContain(`${E164} is CONNECTED in WABA ${WABA_ID}`);
    expect(err).toContain('signing secret whsec_abc…3f1');
    expect(t.stdout()).toBe('');

    const p = await stored(t);
    expect(p).toMatchObject({ appId: APP_ID, solutionId: SOLUTION_ID, configId: CONFIG_ID, webhookSecret: SECRET });
    expect(p.init.steps['embedded-signup'].data).toEqual({ pageDir: page });
    expect(p.apiKey).toBeUndefined(); // the key came from YCLOUD_API_KEY and stays there
    expect(Object.values(states(p))).toEqual(Array(9).fill('done'));
    const created = t.api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/webhookEndpoints'))!;
    expect(created.body).toEqual({ url: HOOK_URL, enabledEvents: WHATSAPP_EVENT_TYPES, description: 'Production webhook endpoint (partner onboarding)' });
    expect(t.api.requests.filter((r) => r.path.endsWith('/register'))).toHaveLength(1);
  });

  test('non-interactive: the same run with flags only, reported as one JSON document', async () => {
    const t = make({});
    stubFirstRun(t);
    const page = pageDir();
    const code = await t.run(['init', '--yes', '--json', '--app-id', APP_ID, '--solution-id', SOLUTION_ID, '--config-id', CONFIG_ID, '--webhook-url', HOOK_URL, '--page-dir', page]);
    expect(code).toBe(0);
    expect(pageIds(page)).toMatchObject({ appId: APP_ID, configId: CONFIG_ID, solutionId: SOLUTION_ID }); // --yes runs scaffold
    const doc = JSON.parse(t.stdout());
    expect(doc).toMatchObject({ profile: 'default', lang: 'en', complete: true });
    expect(doc.steps.map((s: { state: string }) => s.state)).toEqual(Array(9).fill('done'));
    expect(doc.steps[5].evidence).toEqual(['WABAs: 1', 'payment method attached', `${E164} CONNECTED`]);
    expect(doc.steps[6].evidence).toEqual(['webhook endpoint active']);
    expect(t.questions).toEqual([]);
  });

  test('non-interactive: a missing answer is exit 2 naming its flag, and what was answered is kept', async () => {
    const t = make({});
    stubBalance(t);
    stubLists(t);
    expect(await t.run(['init', '--yes'])).toBe(2);
    expect(t.stderr()).toContain('error: --app-id is required when not interactive');
    expect(states(await stored(t))).toEqual({ apply: 'done', account: 'done', 'tech-provider': undefined });
  });

  test('a bad flag value is exit 2 before any request', async () => {
    const t = make({});
    expect(await t.run(['init', '--app-id', '12ab'])).toBe(2);
    expect(t.stderr()).toContain('--app-id: must be digits only');
    expect(await make({}).run(['init', '--step', '12'])).toBe(2);
  });

  test('an API key typed at the prompt is verified before it is saved; a rejected one is not', async () => {
    const t = make({ noKey: true, stdinTTY: true, stdoutTTY: true, secrets: ['bad-key-0000000000', TEST_KEY], answers: { '--yes': true, '--api-key-stdin': ['bad-key-0000000000', TEST_KEY], '--app-id': new YcpError('cancelled', 'cancelled') } });
    t.api.on('GET', '/balance').reply(401, { error: { status: 401, code: 'UNAUTHORIZED', message: 'invalid api key', requestId: 'req_1' } });
    t.api.on('GET', '/balance').reply(200, BALANCE_OK);
    stubLists(t);
    expect(await t.run(['init'])).toBe(130);
    const sent = t.api.requests.filter((r) => r.path.endsWith('/balance')).map((r) => r.headers['x-api-key']);
    expect(sent).toEqual(['bad-key-0000000000', TEST_KEY]);
    expect(t.stderr()).toContain('YCloud rejected the API key bad…000');
    const p = await stored(t);
    expect(p.apiKey).toBe(TEST_KEY);
    expect(states(p)).toMatchObject({ apply: 'done', account: 'done' });
  });
});

const BALANCE_OK = { amount: 1, currency: 'USD' };

describe('ycp init: step 2 and step 6 from a script', () => {
  test('--api-key-stdin reads the key from stdin, verifies it, saves it; no WABA yet prints `ycp signup serve`', async () => {
    const { finishedProfile } = await import('../../helpers/onboarding.js');
    const { init: _init, ...rest } = finishedProfile();
    const t = make({ noKey: true, stdin: `${TEST_KEY}\n`, secrets: [TEST_KEY], profile: { ...rest, init: { version: 1, steps: { apply: { state: 'done' } } } } });
    t.api.on('GET', '/balance').reply(200, BALANCE_OK);
    stubLists(t, { wabas: [], numbers: [] });
    const page = pageDir();
    expect(await t.run(['init', '--yes', '--api-key-stdin', '--page-dir', page])).toBe(3);
    expect((await stored(t)).apiKey).toBe(TEST_KEY);
    const err = t.stderr();
    expect(err).toContain('API key tes…a64 works; saved to profile "default".');
    // serve waits for a person in a browser: --yes alone prints it, with the folder step 5 wrote.
    expect(err).toContain(`Next, run: ycp signup serve --dir '${page}'`);
    expect(err).toContain('error: Step 6 is not done yet: no WABA is visible to this API key yet');
  });
});

describe('ycp init: resuming', () => {
  test('Ctrl-C at a prompt exits 130 with progress kept; the next run resumes there; a solution can wait', async () => {
    const a = make({ stdinTTY: true, stdoutTTY: true, answers: { '--yes': true, '--app-id': new YcpError('cancelled', 'cancelled') } });
    stubBalance(a);
    stubLists(a);
    expect(await a.run(['init'])).toBe(130);
    expect(a.stderr()).toContain('Stopped. Everything answered so far is saved; run `ycp init` to continue.');
    const kept = await stored(a);
    expect(states(kept)).toMatchObject({ apply: 'done', account: 'done' });
    expect(kept.init.steps['tech-provider'].ticks).toHaveLength(5); // ticked before Ctrl-C, not asked again

    const b = make({ stdinTTY: true, stdoutTTY: true, env: { YCP_CONFIG_DIR: a.configDir }, answers: { '--yes': true, '--app-id': APP_ID, '--solution-id': '' } });
    stubBalance(b);
    stubLists(b);
    expect(await b.run(['init'])).toBe(3);
    expect(b.stderr()).toContain('  ✓ 1. Apply to become a YCloud technical partner\n  ✓ 2. YCloud account and API key\n  ○ 3. Become a Meta Tech Provider');
    expect(b.stderr()).toContain('Resuming at step 3: Become a Meta Tech Provider');
    expect(b.questions).toEqual(['--app-id', '--yes', '--solution-id']);
    expect(b.stderr()).toContain('Step 4 is waiting: YCloud has not accepted the partner solution yet (no Solution ID)');
    expect(states(await stored(b))).toMatchObject({ 'tech-provider': 'done', 'partner-solution': 'waiting' });

    // Days later, YCloud's email arrives: --step 4 with the ID, from a script.
    const c = make({ env: { YCP_CONFIG_DIR: a.configDir } });
    stubBalance(c);
    stubLists(c);
    expect(await c.run(['init', '--step', '4', '--solution-id', SOLUTION_ID])).toBe(2); // step 5 needs its ticks: --yes
    expect(states(await stored(c))).toMatchObject({ 'partner-solution': 'done' });
    expect(c.stderr()).toContain('Solution ID 987654321098765 saved.');
    expect(c.stderr()).toContain('error: --yes is required when not interactive');
  });

  test('a step becomes un-done when YCloud changed: the number dropped to DISCONNECTED', async () => {
    const { finishedProfile } = await import('../../helpers/onboarding.js');
    const t = make({ stdinTTY: true, stdoutTTY: true, profile: finishedProfile(), answers: { '--yes': false } });
    stubBalance(t);
    stubLists(t, { numbers: [aPhoneNumber({ status: 'DISCONNECTED' })] });
    t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, { offset: 0, limit: 100, length: 1, items: [aPhoneNumber({ status: 'DISCONNECTED' })] });
    expect(await t.run(['init'])).toBe(3);
    expect(t.stderr()).toContain('  ✓ 5. Configure Embedded Signup\n  ○ 6. Connect a first customer number\n  ✓ 7. Webhooks');
    expect(t.stderr()).toContain('Resuming at step 6');
    expect(t.questions).toEqual(['--yes']); // "Register +15550001111 …?" asked and declined: nothing sent
    expect(t.api.requests.some((r) => r.method === 'POST')).toBe(false);
    expect(t.stderr()).toContain('Step 6 is not done yet: no number is CONNECTED yet');
  });

  test('a WABA without a payment method stops step 6 with exit 3 and the reason', async () => {
    const { finishedProfile } = await import('../../helpers/onboarding.js');
    const t = make({ profile: finishedProfile() });
    stubBalance(t);
    stubLists(t, { wabas: [aWaba({ paymentMethodAttached: false })] });
    expect(await t.run(['init', '--json'])).toBe(3);
    const doc = JSON.parse(t.stdout());
    expect(doc.error).toMatchObject({ kind: 'pending', message: `Step 6 is not done yet: WABA ${WABA_ID} has no payment method attached: contact the YCloud team` });
    expect(doc.steps[5]).toMatchObject({ state: 'todo', evidence: ['WABAs: 1', 'no payment method'] });
  });
});

describe('ycp init in Chinese', () => {
  test('LANG=zh_CN.UTF-8 turns every wizard text Chinese', async () => {
    const t = make({ env: { LANG: 'zh_CN.UTF-8' } });
    stubBalance(t);
    stubLists(t);
    expect(await t.run(['init', '--yes'])).toBe(2);
    const err = t.stderr();
    expect(err).toContain('YCloud 技术开发伙伴入门（配置档 "default"）');
    expect(err).toContain('第 1/9 步：提交 YCloud 技术开发伙伴合作申请');
    expect(err).toContain('YCloud 商务团队会在 1 个工作日内与您联系。');
    expect(err).toContain('○ 3. 成为 Meta Tech Provider');
    expect(err).toContain('错误：非交互模式下必须提供 --app-id\n提示：请传入 --app-id，或在终端中运行以便回答提问');
  });

  test('--lang zh-CN wins over LANG', async () => {
    const t = make({ env: { LANG: 'en_US.UTF-8' }, profile: (await import('../../helpers/onboarding.js')).finishedProfile() });
    stubBalance(t);
    stubLists(t);
    expect(await t.run(['init', '--lang', 'zh-CN'])).toBe(0);
    expect(t.stderr()).toContain('九个步骤全部完成，欢迎加入！');
  });
});
