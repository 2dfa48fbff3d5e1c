import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { nodeCheck } from '../../../src/core/doctor/checks.js';
import { hideCredentials } from '../../../src/core/doctor/environment.js';
import { stubBalance } from '../../helpers/onboarding.js';
import { run } from '../../../src/cli.js';
import { T0 } from '../../helpers/fake-clock.js';

let t: TestCtx | undefined;
afterEach(() => {
  t?.verify();
  t?.dispose();
  t = undefined;
});
const checks = () => JSON.parse(t!.stdout()).checks as { id: string; level: string; message: string; fix?: string }[];
const byId = (id: string) => checks().find((c) => c.id === id);
const dateHeader = (offsetMs = 0) => ({ date: new Date(T0 + offsetMs).toUTCString() });

describe('ycp doctor', () => {
  test('healthy: settings with sources and the key masked, API with request id, clock in sync', async () => {
    t = createTestCtx({ env: { HTTPS_PROXY: 'http://user:pw@proxy.local:3128', NGROK_AUTHTOKEN: 'x' } });
    stubBalance(t, dateHeader(2_000));
    const code = await t.run(['doctor', '--json']);
    expect(byId('setting.apiKey')).toMatchObject({ level: 'pass', message: 'api-key: tes…a64 (from env YCLOUD_API_KEY)' });
    expect(byId('setting.baseUrl')!.message).toBe('base-url: https://api.ycloud.com/v2 (from default)');
    expect(byId('api')).toMatchObject({ level: 'pass' });
    expect(byId('api')!.message).toMatch(/reachable, key valid \(request id req_\w+\)/);
    expect(byId('clock')).toMatchObject({ level: 'pass', message: 'clock within 2s of YCloud' });
    expect(byId('tunnel.ngrok')).toMatchObject({ level: 'pass' });
    expect(byId('proxy.HTTPS_PROXY')!.message).toBe('proxy HTTPS_PROXY=http://***@proxy.local:3128');
    expect(byId('config')!.message).toContain('does not exist yet');
    expect(code).toBe(0);
  });

  test('a broken config file is reported, and every other check still runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ycp-broken-'));
    writeFileSync(join(dir, 'config.json'), '{ not json');
    t = createTestCtx({ env: { YCP_CONFIG_DIR: dir } });
    // The harness opens the store eagerly; hold its rejection until doctor reads it, as a lazy ctx would.
    t.ctx.config().catch(() => undefined);
    stubBalance(t, dateHeader());
    // t.run() opens the store first; the real binary does not, so go through run() as bin does.
    expect(await run(['doctor', '--json'], t.ctx)).toBe(3);
    rmSync(dir, { recursive: true, force: true });
    expect(byId('config')).toMatchObject({ level: 'fail', fix: 'fix or delete the file, then run `ycp login` again' });
    expect(byId('config')!.message).toContain(`${dir}/config.json cannot be read: the config file ${dir}/config.json is not valid JSON (line 1, column 3)`);
    expect(byId('api')!.level).toBe('pass');
    expect(JSON.parse(t!.stdout()).summary.fail).toBe(1);
  });

  test('no network: the API check fails with the fix, clock skew is skipped, exit 3', async () => {
    t = createTestCtx({ stdoutTTY: true });
    // One try only: doctor is a diagnosis, so it says "cannot reach" at once instead of retrying for ~3.5 s.
    t.api.on('GET', '/balance').replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    expect(await t.run(['doctor'])).toBe(3);
    expect(t.clock.sleeps).toEqual([]);
    const out = t.stdout();
    expect(out).toContain('FAIL  cannot reach YCloud at https://api.ycloud.com/v2: could not reach YCloud at https://api.ycloud.com/v2 (ENOTFOUND)');
    expect(out).toContain('      fix: check the connection, YCLOUD_BASE_URL / --base-url and the proxy variables');
    expect(out).toContain('warn  clock skew not checked: no answer from YCloud');
    expect(t.stderr()).toBe('error: 1 doctor checks failed\n');
  });

  test('a malformed base URL is a failed API check in the report, not the end of doctor', async () => {
    t = createTestCtx();
    expect(await t.run(['--base-url', 'api.ycloud.com', 'doctor', '--json'])).toBe(3);
    expect(byId('api')).toMatchObject({ level: 'fail' });
    expect(byId('api')!.message).toContain('the API base URL must be a URL, got "api.ycloud.com"');
    expect(byId('tunnel.cloudflared')).toBeDefined();
  });

  test('a config file readable by others is a warning with chmod as the fix', async () => {
    t = createTestCtx({ profile: { appId: '123' } });
    await t.ctx.config();
    const path = join(t.configDir, 'config.json');
    chmodSync(path, 0o644);
    stubBalance(t, dateHeader());
    expect(await t.run(['doctor', '--json'])).toBe(0);
    expect(byId('config')).toEqual({ id: 'config', level: 'warn', message: `config file ${path} has mode 0644, but it holds the API key`, fix: `chmod 600 ${path}` });
    expect(byId('setting.appId')!.message).toBe('app-id: 123 (from profile)');
  });

  test('an invalid YCP_TIMEOUT fails its setting check with the fix; the probe still runs', async () => {
    t = createTestCtx({ env: { YCP_TIMEOUT: 'soon' } });
    stubBalance(t, dateHeader());
    expect(await t.run(['doctor', '--json'])).toBe(3);
    expect(byId('setting.timeout')).toMatchObject({ level: 'fail', message: 'timeout: soon (from env YCP_TIMEOUT)', fix: expect.stringContaining('YCP_TIMEOUT') });
    expect(byId('api')).toMatchObject({ level: 'pass' });
  });

  test('a rejected key fails, in Chinese, and exits 4 like every other command', async () => {
    t = createTestCtx({ env: { LANG: 'zh_CN.UTF-8' } });
    t.api.on('GET', '/balance').reply(401, { error: { status: 401, code: 'UNAUTHORIZED', message: 'bad key', requestId: 'req_9' } });
    expect(await t.run(['doctor', '--json'])).toBe(4);
    expect(byId('api')).toMatchObject({ level: 'fail', message: 'YCloud 拒绝了密钥 tes…a64（请求 ID req_9）' });
  });

  test('a clock 10 minutes off YCloud fails: webhook signatures would be rejected', async () => {
    t = createTestCtx();
    stubBalance(t, dateHeader(-600_000));
    expect(await t.run(['doctor', '--json'])).toBe(3);
    expect(byId('clock')).toMatchObject({ level: 'fail', message: 'clock is 600s off YCloud: webhook signatures (300 s tolerance) will be rejected' });
  });

  test('no API key fails with `ycp login` as the fix and exits 4, like every other command', async () => {
    t = createTestCtx({ noKey: true });
    expect(await t.run(['doctor', '--json'])).toBe(4);
    expect(byId('api')).toMatchObject({ level: 'fail', fix: 'run `ycp login` or set YCLOUD_API_KEY' });
    // The report is whole: the other checks ran and are in it.
    expect(byId('node')).toBeDefined();
    expect(byId('config')).toBeDefined();
  });

  test('no API key outweighs another failure: still exit 4, and the human report lists both', async () => {
    t = createTestCtx({ noKey: true, env: { YCP_TIMEOUT: 'soon' } });
    expect(await t.run(['doctor'])).toBe(4);
    expect(t.stdout()).toContain('timeout: soon');
    expect(t.stdout()).toContain('run `ycp login` or set YCLOUD_API_KEY');
    expect(t.stderr()).toBe('error: 2 doctor checks failed\n');
  });

  test('Node version policy: 20.19 is the floor and Node 20 is past end of life', () => {
    expect(nodeCheck('18.20.4').level).toBe('fail');
    expect(nodeCheck('20.18.1').level).toBe('fail');
    expect(nodeCheck('20.19.0').level).toBe('warn');
    expect(nodeCheck('22.12.0').level).toBe('pass');
    expect(hideCredentials('http://proxy:8080')).toBe('http://proxy:8080');
  });
});

describe('ycp doctor: Embedded Signup versions (issue 12)', () => {
  const page = (cfg: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'ycp-doctor-page-'));
    writeFileSync(join(dir, 'index.html'), `<script type="application/json" id="ycp-config">${JSON.stringify(cfg)}</script>`);
    return dir;
  };
  const ids = { appId: '1', configId: '2', solutionId: '3' };

  test('a v3 setting warns with its source and the date; the page the wizard recorded is checked too', async () => {
    const dir = page({ ...ids, esVersion: 'v4' });
    t = createTestCtx({ env: { YCP_ES_VERSION: 'v3' }, profile: { init: { version: 2, steps: { 'embedded-signup': { data: { pageDir: dir } } } } } });
    stubBalance(t, dateHeader());
    expect(await t.run(['doctor', '--json'])).toBe(0); // warnings, not failures
    expect(byId('signup.esVersion')).toEqual({
      id: 'signup.esVersion', level: 'warn',
      message: 'esVersion v3 (from env YCP_ES_VERSION) is deprecated: Meta ends Embedded Signup v2 on 2026-10-15 and listed v3 until October 2026',
      fix: 'create a v4 login configuration (see `ycp init --step 5`), then `ycp config set es-version v4` (or unset YCP_ES_VERSION)',
    });
    expect(byId('signup.page')).toEqual({ id: 'signup.page', level: 'pass', message: `the signup page in ${dir} uses Embedded Signup v4` });
    rmSync(dir, { recursive: true, force: true });
  });

  test('a v2 page, or one written before ycp knew versions (no esVersion: it launched the v2 way), warns in both languages', async () => {
    for (const [cfg, lang] of [[{ ...ids, esVersion: 'v2' }, 'en'], [ids, 'zh-CN']] as const) {
      const dir = page(cfg);
      t = createTestCtx({ env: { YCP_LANG: lang }, profile: { init: { version: 1, steps: { 'embedded-signup': { state: 'done', data: { pageDir: dir } } } } } });
      stubBalance(t, dateHeader());
      expect(await t.run(['doctor', '--json'])).toBe(0);
      expect(byId('signup.esVersion')).toBeUndefined(); // the setting is the default, v4
      expect(byId('signup.page')).toEqual(
        lang === 'en'
          ? { id: 'signup.page', level: 'warn', message: `the signup page in ${dir} uses Embedded Signup v2, deprecated since 2026-10-15`, fix: `create a v4 login configuration (see \`ycp init --step 5\`), then \`ycp signup scaffold --out ${dir} --force --es-version v4\`` }
          : { id: 'signup.page', level: 'warn', message: `${dir} 中的注册页面使用嵌入式注册 v2，已于 2026-10-15 弃用`, fix: `先创建 v4 登录配置（见 \`ycp init --step 5\`），再运行 \`ycp signup scaffold --out ${dir} --force --es-version v4\`` },
      );
      t.verify();
      t.dispose();
      t = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
