import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readConfigBlock } from '../../../src/core/signup/config-block.js';
import { createTestCtx, TEST_KEY, type TestCtx } from '../../helpers/test-ctx.js';
import { aPhoneNumber, aWaba } from '../../helpers/builders.js';
import { YcpError } from '../../../src/core/errors.js';
import { WHATSAPP_EVENT_TYPES } from '../../../src/core/webhook/event-types.js';
import { ALL_ATTEST, APP_ID, CONFIG_ID, E164, HOOK_URL, PHONE_ID, SOLUTION_ID, WABA_ID, fullEndpoint, stubBalance, stubLists } from '../../helpers/onboarding.js';

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
/** The person-only items a stored profile has attested, and how. */
const attested = (p: Record<string, any>) =>
  Object.fromEntries(Object.values(p.init?.steps ?? {}).flatMap((r: any) => Object.entries(r.attested ?? {}).map(([k, a]: [string, any]) => [k, a.via])));

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
      answers: { '--yes': true, '--attest': true, '--app-id': APP_ID, '--solution-id': SOLUTION_ID, '--config-id': CONFIG_ID, '--page-dir': page, '--webhook-url': HOOK_URL },
    });
    stubFirstRun(t);
    const code = await t.run(['init']);
    expect(t.stderr()).toContain('All nine steps are done');
    expect(code).toBe(0);
    // Prompts in the guide's order, each named by its flag: person-only items by --attest (never --yes).
    expect([...new Set(t.questions)]).toEqual(['--attest', '--app-id', '--solution-id', '--config-id', '--page-dir', '--yes', '--webhook-url']);
    expect(t.questions.filter((q) => q === '--attest')).toHaveLength(19);
    const err = t.stderr();
    expect(err).toContain('Meta App Dashboard > WhatsApp > Partner Solutions > "Create a partner solution"');
    expect(err).toMatch(/\n {6}2892949377516980\n/); // alone on its line, ready to copy
    // Step 5 asks for a v4 login configuration: where, and what to pick.
    expect(err).toContain('Facebook Login for Business > Configurations > "Create configuration" (a v4 configuration; not "Create from template")');
    expect(err).toContain('login variation "WhatsApp Embedded Signup" > products: Cloud API');
    expect(err).toContain('ycp marks steps 3-5 verified: Meta returns a WABA only when the app, the login configuration, the solution and the page\'s domain are all right');
    for (const s of ['Client OAuth Login', 'Web OAuth Login', 'Enforce HTTPS', 'Embedded Browser OAuth Login', 'Use Strict Mode for redirect URIs', 'Login with the JavaScript SDK']) {
      expect(err).toContain(`  - ${s}: Yes`);
    }
    expect(err).toContain('https://www.ycloud.com/zh/partner');
    expect(err).toContain('https://www.ycloud.com/console/#/entry/register');
    expect(err).toContain('App Dashboard > WhatsApp > Quickstart > Continue onboarding > Start app review');
    expect(err).toContain('the same video twice gets the submission rejected');
    // The scaffold offer ran through the command tree, in the folder the user named, with the recorded IDs.
    expect(err).toContain(`\`ycp signup scaffold --out '${page}' --app-id ${APP_ID} --config-id ${CONFIG_ID} --solution-id ${SOLUTION_ID}\` finished.`);
    expect(err).toContain(`Wrote the Embedded Signup page (v4) in ${page}`);
    expect(err).toContain(`\`ycp webhook endpoint show ${fullEndpoint().id} --show-secret\` prints it in full`);
    expect(pageIds(page)).toMatchObject({ appId: APP_ID, configId: CONFIG_ID, solutionId: SOLUTION_ID });
    expect(err).toContain(`${E164} is CONNECTED in WABA ${WABA_ID}`);
    expect(err).toContain('signing secret whsec_abc…3f1');
    expect(t.stdout()).toBe('');

    const p = await stored(t);
    expect(p).toMatchObject({ appId: APP_ID, solutionId: SOLUTION_ID, configId: CONFIG_ID, webhookSecret: SECRET });
    expect(p.init.steps['embedded-signup'].data).toEqual({ pageDir: page });
    expect(p.apiKey).toBeUndefined(); // the key came from YCLOUD_API_KEY and stays there
    // Every person-only item is the person's yes at the prompt, the IDs their answers; 2, 6 and 7 were checked live.
    expect(p.init.version).toBe(2);
    expect(Object.entries(attested(p)).filter(([, via]) => via === 'prompt')).toHaveLength(19 + 3);
    for (const id of ['account', 'first-number', 'webhooks']) expect(p.init.steps[id].verifiedAt).toMatch(/^\d{4}-/);
    const created = t.api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/webhookEndpoints'))!;
    expect(created.body).toEqual({ url: HOOK_URL, enabledEvents: WHATSAPP_EVENT_TYPES, description: 'Production webhook endpoint (partner onboarding)' });
    expect(t.api.requests.filter((r) => r.path.endsWith('/register'))).toHaveLength(1);
  });

  test('non-interactive: every flag and --yes does all a script can, and never attests: exit 3 naming what only the person can confirm', async () => {
    const t = make({});
    stubFirstRun(t);
    const page = pageDir();
    const code = await t.run(['init', '--yes', '--json', '--app-id', APP_ID, '--solution-id', SOLUTION_ID, '--config-id', CONFIG_ID, '--webhook-url', HOOK_URL, '--page-dir', page]);
    expect(code).toBe(3);
    expect(pageIds(page)).toMatchObject({ appId: APP_ID, configId: CONFIG_ID, solutionId: SOLUTION_ID }); // --yes runs scaffold
    const doc = JSON.parse(t.stdout());
    expect(doc).toMatchObject({ profile: 'default', lang: 'en', complete: false, next: 'ycp init --step 1' });
    expect(doc.steps.map((s: { state: string }) => s.state)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo', 'done', 'done', 'todo', 'todo']);
    expect(doc.steps.map((s: { kind: string }) => s.kind)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo', 'verified', 'verified', 'todo', 'todo']);
    expect(doc.steps[5].evidence).toEqual(['WABAs: 1', 'payment method attached', `${E164} CONNECTED`]);
    expect(doc.steps[6].evidence).toEqual([`endpoint ${fullEndpoint().id} active, subscribed to all ${WHATSAPP_EVENT_TYPES.length} whatsapp.* event types`]);
    expect(doc.steps[2].evidence).toEqual([`app ID ${APP_ID}`, 'to confirm: --attest business-portfolio,meta-developer,meta-app,test-message,business-verification']);
    expect(doc.steps[7].items.map((i: { id: string; kind: string }) => `${i.id}:${i.kind}`)).toEqual(['review-settings:todo', 'review-management:todo', 'review-messaging:todo', 'review-submitted:todo', 'review-approved:todo', 'app-live:todo']);
    expect(doc.error).toMatchObject({ kind: 'pending', message: expect.stringMatching(/^19 items only you can confirm are not attested yet: application, account-email, /) });
    expect(doc.error.hint).toBe(`once each is true, run \`ycp init --attest ${ALL_ATTEST}\`, or run \`ycp init\` in a terminal to be asked`);
    expect(doc.error.details.attest).toHaveLength(19);
    expect(t.questions).toEqual([]);
    expect(t.stderr()).toContain('Step 1 is not done yet: only you can confirm application (--attest application); going on.');
    expect(attested(await stored(t))).toEqual({ 'app-id': 'flag', 'solution-id': 'flag', 'config-id': 'flag' });
  });

  test('non-interactive: a missing answer is exit 2 naming its flag, and what was answered is kept', async () => {
    const t = make({});
    stubBalance(t);
    stubLists(t);
    expect(await t.run(['init', '--yes'])).toBe(2);
    expect(t.stderr()).toContain('error: --app-id is required when not interactive');
    const p = await stored(t);
    expect(attested(p)).toEqual({}); // --yes attested nothing
    expect(p.init.steps.account.verifiedAt).toMatch(/^\d{4}-/); // the key was checked live
  });

  test('a bad flag value is exit 2 before any request', async () => {
    const t = make({});
    expect(await t.run(['init', '--app-id', '12ab'])).toBe(2);
    expect(t.stderr()).toContain('--app-id: must be digits only');
    expect(await make({}).run(['init', '--step', '12'])).toBe(2);
    const a = make({});
    expect(await a.run(['init', '--attest', 'app-live,everything'])).toBe(2);
    expect(a.stderr()).toContain('error: --attest: unknown item everything\nhint: the items: application, account-email, business-portfolio,');
  });

  test('an API key typed at the prompt is verified before it is saved; a rejected one is not', async () => {
    const t = make({ noKey: true, stdinTTY: true, stdoutTTY: true, secrets: ['bad-key-0000000000', TEST_KEY], answers: { '--attest': true, '--api-key-stdin': ['bad-key-0000000000', TEST_KEY], '--app-id': new YcpError('cancelled', 'cancelled') } });
    t.api.on('GET', '/balance').reply(401, { error: { status: 401, code: 'UNAUTHORIZED', message: 'invalid api key', requestId: 'req_1' } });
    t.api.on('GET', '/balance').reply(200, BALANCE_OK);
    stubLists(t);
    expect(await t.run(['init'])).toBe(130);
    const sent = t.api.requests.filter((r) => r.path.endsWith('/balance')).map((r) => r.headers['x-api-key']);
    expect(sent).toEqual(['bad-key-0000000000', TEST_KEY]);
    expect(t.stderr()).toContain('YCloud rejected the API key bad…000');
    const p = await stored(t);
    expect(p.apiKey).toBe(TEST_KEY);
    expect(attested(p)).toMatchObject({ application: 'prompt', 'account-email': 'prompt' });
    expect(p.init.steps.account.verifiedAt).toMatch(/^\d{4}-/);
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
    const a = make({ stdinTTY: true, stdoutTTY: true, answers: { '--attest': true, '--app-id': new YcpError('cancelled', 'cancelled') } });
    stubBalance(a);
    stubLists(a);
    expect(await a.run(['init'])).toBe(130);
    expect(a.stderr()).toContain('Stopped. Everything answered so far is saved; run `ycp init` to continue.');
    const kept = await stored(a);
    // Each yes was saved as it was given: step 3's five items before the Ctrl-C at its app ID, not asked again.
    expect(Object.keys(attested(kept))).toEqual(['application', 'account-email', 'business-portfolio', 'meta-developer', 'meta-app', 'test-message', 'business-verification']);

    const b = make({ stdinTTY: true, stdoutTTY: true, env: { YCP_CONFIG_DIR: a.configDir }, answers: { '--attest': [true, true], '--app-id': APP_ID, '--solution-id': '' } });
    stubBalance(b);
    stubLists(b);
    expect(await b.run(['init'])).toBe(3);
    expect(b.stderr()).toContain('  ✓ 1. Apply to become a YCloud technical partner (attested)\n  ✓ 2. YCloud account and API key (attested)\n  ○ 3. Become a Meta Tech Provider');
    expect(b.stderr()).toContain('Resuming at step 3: Become a Meta Tech Provider');
    expect(b.questions).toEqual(['--app-id', '--attest', '--attest', '--solution-id']);
    // Waiting for YCloud is a normal state: said plainly, not as an error (still exit 3 for scripts).
    expect(b.stderr()).toContain('… Step 4 is waiting: YCloud has not accepted the partner solution yet (no Solution ID)\n  when it is, run `ycp init --step 4`\n');
    expect(b.stderr()).not.toContain('error:');
    expect(attested(await stored(b))).toMatchObject({ 'app-id': 'prompt', 'solution-submitted': 'prompt', 'solution-accepted': 'prompt' });

    // Days later, YCloud's email arrives: --step 4 with the ID, from a script.
    const c = make({ env: { YCP_CONFIG_DIR: a.configDir } });
    stubBalance(c);
    stubLists(c);
    expect(await c.run(['init', '--step', '4', '--solution-id', SOLUTION_ID])).toBe(2); // step 5 needs the config_id
    expect(attested(await stored(c))).toMatchObject({ 'solution-id': 'flag' });
    expect(c.stderr()).toContain('Solution ID 987654321098765 saved.');
    expect(c.stderr()).toContain('Step 4 done and saved.');
    expect(c.stderr()).toContain('error: --config-id is required when not interactive');
  });

  test('a step becomes un-done when YCloud changed: the number dropped to DISCONNECTED', async () => {
    const { finishedProfile } = await import('../../helpers/onboarding.js');
    const t = make({ stdinTTY: true, stdoutTTY: true, profile: finishedProfile(), answers: { '--yes': false } });
    stubBalance(t);
    stubLists(t, { numbers: [aPhoneNumber({ status: 'DISCONNECTED' })] });
    t.api.on('GET', `/whatsapp/phoneNumbers?filter.wabaId=${WABA_ID}&page=1&limit=100`).reply(200, { offset: 0, limit: 100, length: 1, items: [aPhoneNumber({ status: 'DISCONNECTED' })] });
    expect(await t.run(['init'])).toBe(3);
    expect(t.stderr()).toContain('  ✓ 5. Configure Embedded Signup (attested)\n  ○ 6. Connect a first customer number\n  ✓ 7. Webhooks (verified)');
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
