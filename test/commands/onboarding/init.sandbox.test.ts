// The onboarding commands against a real (in-process) sandbox: every request is real HTTP on loopback,
// answered by the stateful fake YCloud, so the evidence `status` shows is what the sandbox holds.
import { afterEach, describe, expect, test } from 'vitest';
import { expectNoSecrets } from '../../helpers/test-ctx.js';
import { WHATSAPP_EVENT_TYPES } from '../../../src/core/webhook/event-types.js';
import { currentHost, listenDescription, parseListenMarker } from '../../../src/core/webhook/endpoints.js';
import { PRODUCTION_DESCRIPTION } from '../../../src/core/checklist/steps/webhooks.js';
import { FAKE_BIN, PATH_WITH_FAKE } from '../../helpers/tunnel.js';
import { ALL_ATTEST, APP_ID, CONFIG_ID, HOOK_URL, SOLUTION_ID } from '../../helpers/onboarding.js';
import { control, sandboxWorld, type World } from '../../helpers/onboarding-sandbox.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

// Every answer by flag, and the person's word for what only they can confirm (--yes never gives it).
const FLAGS = ['--yes', '--app-id', APP_ID, '--solution-id', SOLUTION_ID, '--config-id', CONFIG_ID, '--webhook-url', HOOK_URL, '--attest', ALL_ATTEST];
const states = (doc: { steps: { state: string }[] }) => doc.steps.map((s) => s.state);

describe('ycp init, status and doctor against the sandbox', () => {
  test('flags only: nine steps, the PENDING number registered once; status exits 0; DISCONNECTED → status 3 and init resumes at 6', async () => {
    world = await sandboxWorld('empty');
    const { sb } = world;
    const signup = sb.signup({ businessName: 'Acme Bakery' }); // what a customer's Embedded Signup leaves: a PENDING number
    const page = world.pageDir();

    const t = world.make();
    expect(await t.run(['init', '--json', ...FLAGS, '--page-dir', page])).toBe(0);
    const doc = JSON.parse(t.stdout());
    expect(states(doc)).toEqual(Array(9).fill('done'));
    expect(doc.steps[5].evidence).toEqual(['WABAs: 1', 'payment method attached', `${signup.phone_number} CONNECTED`]);
    expect(t.stderr()).toContain(`${signup.phone_number} is CONNECTED in WABA ${signup.waba_id}.`);
    const phone = sb.state.phones.find((p) => p.number.id === signup.phone_number_id)!;
    expect(phone.number.status).toBe('CONNECTED');
    expect(phone.registerAttempts).toHaveLength(1); // registered once, then waited (the fake clock jumps)

    // Step 7 made the production endpoint in the sandbox, subscribed to every whatsapp.* type.
    expect(sb.state.endpoints).toHaveLength(1);
    const ep = sb.state.endpoints[0]!;
    expect(ep).toMatchObject({ url: HOOK_URL, status: 'active', description: PRODUCTION_DESCRIPTION });
    expect([...(ep.enabledEvents ?? [])].sort()).toEqual([...WHATSAPP_EVENT_TYPES].sort());
    expectNoSecrets(t.stdout() + t.stderr(), [ep.secret!, signup.code]);

    // status re-reads the sandbox: real evidence, exit 0.
    const s1 = world.make();
    expect(await s1.run(['status', '--exit-status', '--json'])).toBe(0);
    const st = JSON.parse(s1.stdout());
    expect(st.complete).toBe(true);
    expect(st.steps[1].evidence[0]).toMatch(/^key sbx…\w{3} accepted by YCloud \(GET \/balance, request id [\w-]+; env YCLOUD_API_KEY\)$/);
    expect(st.steps[5].evidence).toEqual(['WABAs: 1', 'payment method attached', `${signup.phone_number} CONNECTED`]);
    expect(st.steps[6].evidence).toEqual([`endpoint ${ep.id} active, subscribed to all ${WHATSAPP_EVENT_TYPES.length} whatsapp.* event types`]);
    // A sandbox signup is no evidence about the partner's Meta setup: steps 3–5 rest on the person's word.
    expect(st.steps.slice(2, 5).map((x: { kind: string }) => x.kind)).toEqual(['attested', 'attested', 'attested']);

    // YCloud (the sandbox) drops the number: status says so with exit 3, and init resumes at step 6.
    await control(sb, 'PATCH', `/phoneNumbers/${signup.phone_number_id}`, { status: 'DISCONNECTED' });
    const s2 = world.make();
    expect(await s2.run(['status', '--exit-status'])).toBe(3);
    expect(s2.stdout()).toMatch(new RegExp(`^6\\tto do\\tto do\\tConnect a first customer number\\tWABAs: 1; payment method attached; \\${signup.phone_number} DISCONNECTED`, 'm'));
    expect(s2.stderr()).toContain('Next: ycp init --step 6');

    const r = world.make();
    // No --yes: the wizard gets to the register question and, outside a terminal, names the flag.
    expect(await r.run(['init'])).toBe(2);
    expect(r.stderr()).toContain('  ✓ 5. Configure Embedded Signup (attested)\n  ○ 6. Connect a first customer number\n  ✓ 7. Webhooks (verified)');
    expect(r.stderr()).toContain('Resuming at step 6: Connect a first customer number');
    expect(r.stderr()).toContain('error: --yes is required when not interactive');
    expect(phone.registerAttempts).toHaveLength(1); // nothing sent without the answer
  });

  test('the default seed: step 6 finds the CONNECTED number without registering anything', async () => {
    world = await sandboxWorld('default');
    const t = world.make();
    expect(await t.run(['init', '--json', ...FLAGS, '--page-dir', world.pageDir()])).toBe(0);
    const doc = JSON.parse(t.stdout());
    // Two WABAs; Globex has no payment method, Acme does and its +15550001111 is CONNECTED.
    expect(doc.steps[5].evidence).toEqual(['WABAs: 2', 'payment method attached', '+15550001111 CONNECTED']);
    expect(world.sb.state.phones.every((p) => p.registerAttempts.length === 0)).toBe(true);
  });

  test('webhook clean never deletes the production endpoint init created; it does delete a dead listen run', async () => {
    world = await sandboxWorld('default');
    const { sb } = world;
    const t = world.make();
    expect(await t.run(['init', ...FLAGS, '--page-dir', world.pageDir()])).toBe(0);
    const prod = sb.state.endpoints[0]!;
    expect(parseListenMarker(prod.description)).toBeUndefined(); // no `ycp listen` marker: not clean's to judge

    // A leftover of a killed `webhook listen` on this host, next to it (a loopback URL: nothing leaves the machine).
    const DEAD_PID = 2 ** 22 + 4321; // above Linux's pid_max
    const leftover = await (await world.make().ctx.api()).createWebhookEndpoint({
      url: 'http://127.0.0.1:9/hook',
      enabledEvents: ['whatsapp.message.updated'],
      description: listenDescription({ host: currentHost(), pid: DEAD_PID, started: new Date(Date.now() - 60_000).toISOString() }),
    });
    const c = world.make();
    expect(await c.run(['webhook', 'clean', '--all-hosts'])).toBe(0);
    expect(c.stderr()).toContain('deleted 1 leftover endpoint(s)');
    expect(sb.state.endpoints.map((e) => e.id)).toEqual([prod.id]);
    expect(sb.state.endpoints.some((e) => e.id === leftover.id)).toBe(false);

    const s = world.make();
    expect(await s.run(['status', '--exit-status'])).toBe(0); // step 7 is still done
  });

  test('doctor: API reachable with the sandbox request id, clock skew from its Date header, cloudflared found', async () => {
    world = await sandboxWorld('default');
    const t = world.make({ env: { PATH: PATH_WITH_FAKE } });
    // The sandbox's Date header is the real time: put the fake clock there, 3 s behind, to measure a real skew.
    t.clock.advance(Date.now() - 3_000 - t.clock.now());
    expect(await t.run(['doctor', '--json'])).toBe(0);
    const doc = JSON.parse(t.stdout());
    const byId = (id: string) => doc.checks.find((c: { id: string }) => c.id === id);
    expect(byId('api')).toMatchObject({ level: 'pass' });
    expect(byId('api').message).toMatch(new RegExp(`^YCloud API at ${world.sb.baseUrl.replace(/\./g, '\\.')} reachable, key valid \\(request id [\\w-]+\\)$`));
    expect(byId('api').message).not.toContain('request id -');
    expect(byId('clock')).toMatchObject({ level: 'pass' });
    expect(byId('clock').message).toMatch(/^clock within [2-4]s of YCloud$/);
    expect(byId('tunnel.cloudflared')).toEqual({ id: 'tunnel.cloudflared', level: 'pass', message: `cloudflared found at ${FAKE_BIN}/cloudflared` });
    expect(byId('setting.baseUrl').message).toBe(`base-url: ${world.sb.baseUrl} (from env YCLOUD_BASE_URL)`);
  });
});
