// The built binary in a real pseudo-terminal (tmux): real key presses reach @inquirer's prompts, a bad
// app ID is refused as it is typed, and Ctrl-C exits 130 with the answers so far saved.
// Needs `npm run build` first (`npm test` does it) and tmux on PATH.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { assertValidResponse } from '../helpers/contract.js';
import { aPage } from '../helpers/builders.js';
import { BIN, requireBuild } from '../helpers/run-bin.js';
import { until } from '../helpers/until.js';

const KEY = 'e2e-key-5b1d9c0a7f3e2d4c';
// A private tmux server per session (its socket in our temp dir): never touches the user's sessions, and
// a fresh socket avoids racing the previous server while it shuts down.
let sessions = 0;
let socket = '';

// A local fake YCloud: the four reads the wizard makes at start, each body checked against the spec.
const ROUTES: Record<string, unknown> = {
  '/v2/balance': { amount: 190.0765, currency: 'USD' },
  '/v2/whatsapp/businessAccounts': aPage([]),
  '/v2/whatsapp/phoneNumbers': aPage([]),
  '/v2/webhookEndpoints': aPage([]),
};
for (const [path, body] of Object.entries(ROUTES)) assertValidResponse('GET', path, 200, body);

let server: Server;
let base = '';
const seen: string[] = [];
beforeAll(async () => {
  requireBuild();
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    seen.push(`${req.method} ${path} ${req.headers['x-api-key'] === KEY ? 'key-ok' : 'no-key'}`);
    const body = ROUTES[path];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json', 'ycloud-request-id': 'req_e2e', date: new Date().toUTCString() });
    res.end(JSON.stringify(body ?? { error: { status: 404, code: 'NOT_FOUND', message: 'not found' } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/v2`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
const newSession = (command: string) => {
  socket = join(dir, `tmux-${++sessions}.sock`); // inside the temp dir, so it goes with it
  tmux('new-session', '-d', '-s', 'w', '-x', '220', '-y', '60', command);
};
const pane = () => tmux('capture-pane', '-p', '-J', '-S', '-300', '-t', 'w');
const keys = (...k: string[]) => void tmux('send-keys', '-t', 'w', ...k);

/** Polls the screen until `pred` holds; bounded, so a broken prompt fails the test instead of hanging it. */
async function waitFor(pred: (screen: string) => boolean, what: string, ms = 15_000): Promise<string> {
  let s = '';
  return until(() => pred((s = pane())) && s, () => `${what}; screen:\n${s}`, { timeoutMs: ms, intervalMs: 100 });
}
const count = (s: string, needle: string) => s.split(needle).length - 1;

let dir = '';
function start(args: string) {
  dir = mkdtempSync(join(tmpdir(), 'ycp-e2e-'));
  const env = `env -u CI -u YCP_PROFILE NO_COLOR=1 YCP_CONFIG_DIR=${dir} YCLOUD_API_KEY=${KEY} YCLOUD_BASE_URL=${base} LANG=en_US.UTF-8`;
  // The shell stays after ycp ends so its exit code can be read from the screen.
  newSession(`${env} node ${BIN} ${args}; echo "EXIT=$?"; sleep 60`);
}
afterEach(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('ycp init in a real terminal (built binary, tmux)', () => {
  test('typed answers move through the steps; a bad app ID is refused; Ctrl-C saves and exits 130', async () => {
    start('init');
    // Items only a person can confirm: each a yes/no question, recorded as attested.
    await waitFor((s) => s.includes("Is this done: partner application submitted on YCloud's partner page?"), 'step 1 question');
    keys('y', 'Enter');
    await waitFor((s) => s.includes('Is this done: YCloud account registered and its login email sent to YCloud?'), 'step 2 question');
    keys('y', 'Enter');
    // Step 3: five items, each a yes/no question.
    for (let i = 1; i <= 5; i++) {
      await waitFor((s) => count(s, 'Is this done: ') >= 2 + i, `checklist item ${i}`);
      keys('y', 'Enter');
    }
    await waitFor((s) => s.includes('Your Meta app ID'), 'the app ID question');
    keys('12ab', 'Enter');
    await waitFor((s) => s.includes('must be digits only'), 'the validation message');
    keys('BSpace', 'BSpace', 'BSpace', 'BSpace', '123456789012345', 'Enter');
    const s = await waitFor((x) => x.includes("Is this done: partner solution submitted with YCloud's Partner App ID?"), 'step 4 question');
    expect(s).toContain('Meta app ID 123456789012345 saved.');
    expect(s).toMatch(/\n {6}2892949377516980\n/);
    keys('C-c');
    const end = await waitFor((x) => x.includes('EXIT='), 'ycp to exit');
    expect(end).toContain('Stopped. Everything answered so far is saved; run `ycp init` to continue.');
    expect(end).toContain('EXIT=130');

    const file = join(dir, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8')).profiles.default;
    expect(saved.appId).toBe('123456789012345');
    expect(saved.apiKey).toBeUndefined();
    expect(Object.fromEntries(Object.entries(saved.init.steps).map(([k, v]) => [k, Object.keys((v as { attested?: object }).attested ?? {})]))).toEqual({
      apply: ['application'],
      account: ['account-email'],
      'tech-provider': ['business-portfolio', 'meta-developer', 'meta-app', 'test-message', 'business-verification', 'app-id'],
    });
    expect(saved.init.steps.account.verifiedAt).toMatch(/^\d{4}-/);
    expect(end).not.toContain(KEY.slice(3, -3));
    expect(seen).toContain('GET /v2/balance key-ok');
  });

  test('in Chinese, and resuming: finished steps are ticked and the wizard asks from step 3', async () => {
    start('init --lang zh-CN');
    await waitFor((s) => s.includes('这一项完成了吗：已在 YCloud 合作伙伴页面提交合作申请？'), 'the Chinese step 1 question');
    keys('y', 'Enter');
    await waitFor((s) => s.includes('这一项完成了吗：已注册 YCloud 账户并把登录邮箱告诉 YCloud？'), 'the Chinese step 2 question');
    keys('y', 'Enter');
    await waitFor((s) => s.includes('这一项完成了吗：在 business.facebook.com'), 'the first checklist item');
    keys('C-c');
    await waitFor((x) => x.includes('EXIT=130'), 'ycp to exit 130');
    tmux('kill-server');
    // Second run, same config directory.
    const keep = dir;
    const env = `env -u CI NO_COLOR=1 YCP_CONFIG_DIR=${keep} YCLOUD_API_KEY=${KEY} YCLOUD_BASE_URL=${base}`;
    newSession(`${env} node ${BIN} init --lang zh-CN; echo "EXIT=$?"; sleep 60`);
    const s = await waitFor((x) => x.includes('这一项完成了吗：在 business.facebook.com'), 'the resumed checklist');
    expect(s).toContain('✓ 1. 提交 YCloud 技术开发伙伴合作申请（本人确认）');
    expect(s).toContain('✓ 2. YCloud 账户与 API 密钥（本人确认）');
    expect(s).toContain('从第 3 步继续：成为 Meta Tech Provider');
    keys('C-c');
    await waitFor((x) => x.includes('EXIT=130'), 'ycp to exit 130');
  });
});
