// `ycp signup trigger --to URL`: one sample signup result, shaped as the page posts it, to the partner's
// backend, a real local server on port 0 written here. Against `ycp sandbox` the default IDs exist, so
// a backend that retrieves the WABA and registers the number runs its whole flow offline.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestCtx, type TestCtx } from '../../helpers/test-ctx.js';
import { startFakeApp, type FakeAnswer, type FakeApp } from '../../helpers/webhook.js';
import { startSandbox, type Sandbox } from '../../../src/core/sandbox/index.js';
import { SEED } from '../../../src/core/sandbox/seed.js';

let t: TestCtx | undefined;
const apps: FakeApp[] = [];
afterEach(async () => {
  t?.verify();
  t?.dispose();
  t = undefined;
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

const json = (raw: Buffer) => JSON.parse(raw.toString()) as Record<string, unknown>;

/** The partner's backend: records each POST (its JSON body) and answers with `handler`. */
async function backend(handler: (body: Record<string, unknown>) => FakeAnswer | Promise<FakeAnswer>) {
  const app = await startFakeApp((_n, raw) => handler(json(raw)));
  apps.push(app);
  return {
    url: app.url,
    get received() {
      return app.received.map((r) => ({ headers: r.headers, body: json(r.body) }));
    },
  };
}

function ctx(env: Record<string, string> = {}): TestCtx {
  t = createTestCtx({ env });
  t.agent.enableNetConnect(/^127\.0\.0\.1:\d+$/);
  return t;
}

describe('ycp signup trigger', () => {
  test("sends the page's FINISH body with the sandbox seed's IDs; prints the status and the backend's answer", async () => {
    const b = await backend(() => ({ status: 200, body: '{"ok":true,"note":"stored"}' }));
    const c = ctx();
    expect(await c.run(['signup', 'trigger', '--to', b.url, '--origin', 'https://signup.example.com/page'])).toBe(0);
    expect(b.received.map((r) => r.body)).toEqual([{ event: 'FINISH', waba_id: SEED.wabaId, phone_number_id: SEED.pending.id, business_id: SEED.businessId }]);
    expect(b.received[0]!.headers['content-type']).toBe('application/json');
    expect(b.received[0]!.headers.origin).toBe('https://signup.example.com');
    expect(b.received[0]!.headers['user-agent']).toMatch(/^ycp\/\S+ node\/\S+ signup-trigger$/);
    expect(c.stdout()).toBe(`200\tFINISH\t${SEED.wabaId}\n`);
    expect(c.stderr()).toMatch(new RegExp(`^Sent FINISH for WABA ${SEED.wabaId} to ${b.url.replace(/[.]/g, '\\.')}: 200 in \\d+ ms\n`));
    expect(c.stderr()).toContain('your backend answered: {"ok":true,"note":"stored"}\n');
    expect(c.stderr()).toContain("these IDs exist in the sandbox’s default seed");
  });

  test('--event, --waba and --phone-number-id shape the body; --json is one document', async () => {
    const b = await backend(() => ({ status: 201, body: '' }));
    const c = ctx();
    expect(await c.run(['signup', 'trigger', '--to', b.url, '--event', 'FINISH_ONLY_WABA', '--waba', '111', '--json'])).toBe(0);
    expect(b.received[0]!.body).toEqual({ event: 'FINISH_ONLY_WABA', waba_id: '111', business_id: SEED.businessId });
    const doc = JSON.parse(c.stdout());
    expect(doc).toMatchObject({ url: b.url, status: 201, answer: '', body: { event: 'FINISH_ONLY_WABA', waba_id: '111' } });
    expect(c.stderr()).toBe('');
    c.dispose();
    t = undefined;
    const d = ctx();
    expect(await d.run(['signup', 'trigger', '--to', b.url, '--event', 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING', '--waba', '222'])).toBe(0);
    expect(b.received[1]!.body).toEqual({ event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING', waba_id: '222' }); // coexistence: the WABA only
  });

  test("a backend that rejects it is exit 1 with its status and the start of its answer, shown printable", async () => {
    const b = await backend(() => ({ status: 422, body: `{"error":"unknown waba"}\u001b[31m${'x'.repeat(400)}` }));
    const c = ctx({ YCP_LANG: 'zh-CN' });
    expect(await c.run(['signup', 'trigger', '--to', b.url])).toBe(1);
    const err = c.stderr();
    expect(err).toContain('您的后端返回：{"error":"unknown waba"}\\x1b[31mxxx');
    expect(err).not.toContain('\u001b[31m');
    expect(err).toMatch(/x{100,}…\n/); // cut at 200 characters
    expect(err).toContain(`错误：${b.url} 对示例注册结果返回了 422\n提示：页面会因此向客户显示错误`);
  });

  test('a silent backend ends within the limit (10 s, or the timeout setting when shorter): exit 1 naming it', async () => {
    const b = await backend(() => 'silent');
    const c = ctx({ YCP_TIMEOUT: '1s' });
    const started = Date.now();
    expect(await c.run(['signup', 'trigger', '--to', b.url])).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(c.stderr()).toBe(`error: could not POST the signup result to ${b.url}: no answer within 1 s\nhint: is your backend running there, and does it answer within 1 s?\n`);
    expect(b.received).toHaveLength(1);
  });

  test('nothing listening is exit 1; bad input is exit 2 and nothing is sent', async () => {
    const b = await backend(() => ({ status: 200, body: '' }));
    await apps.pop()!.close();
    let c = ctx();
    expect(await c.run(['signup', 'trigger', '--to', b.url])).toBe(1);
    expect(c.stderr()).toContain(`error: could not POST the signup result to ${b.url}: ECONNREFUSED`);
    for (const args of [[], ['--to', 'ftp://x'], ['--to', b.url, '--waba', '12a'], ['--to', b.url, '--phone-number-id', '-1'], ['--to', b.url, '--event', 'CANCEL']]) {
      c.dispose();
      c = ctx();
      expect(await c.run(['signup', 'trigger', ...args]), args.join(' ')).toBe(2);
    }
  });

  test('with `ycp sandbox`, the default IDs let a backend retrieve the WABA and register the number, offline', async () => {
    const sb: Sandbox = await startSandbox({ port: 0, timeScale: 100_000 });
    try {
      // A partner backend, as the guide describes it: retrieve the WABA, check the payment method, register once.
      const yc = (path: string, method = 'GET') => fetch(`${sb.baseUrl}${path}`, { method, headers: { 'x-api-key': sb.apiKey } }).then((r) => r.json() as Promise<Record<string, unknown>>);
      const b = await backend(async (body) => {
        const waba = await yc(`/whatsapp/businessAccounts/${String(body.waba_id)}`);
        if (waba.paymentMethodAttached !== true) return { status: 409, body: '{"error":"no payment method"}' };
        const r = await yc(`/whatsapp/phoneNumbers/${String(body.waba_id)}/${String(body.phone_number_id)}/register`, 'POST');
        return { status: 200, body: JSON.stringify({ registered: r.status }) };
      });
      const c = ctx();
      expect(await c.run(['signup', 'trigger', '--to', b.url])).toBe(0);
      expect(c.stderr()).toMatch(/your backend answered: \{"registered":"(PENDING|CONNECTED)"\}/);
      const phone = sb.state.phones.find((p) => p.number.id === SEED.pending.id)!;
      expect(phone.registerAttempts).toHaveLength(1);
    } finally {
      await sb.close();
    }
  });
});
