// Step 6 (guide steps 5–6): a first customer number through Embedded Signup; then what YCloud sees:
// a WABA, paymentMethodAttached true, a CONNECTED number (registered once, with confirmation, if needed).
import { YcpError } from '../../errors.js';
import { registerPhone } from '../../phone/register.js';
import { phoneTarget } from '../../phone/resolve.js';
import { waitForPhoneStatus } from '../../phone/wait.js';
import type { PhoneNumber } from '../../api/types.js';
import { msg, type Msg } from '../../../i18n/index.js';
import type { EvalInput, Evaluation, ItemEval } from '../types.js';
import type { Wizard } from '../wizard.js';
import { offerServe } from './page.js';
import { earlierItem, settle, verifiedEarlier, type StepDef } from './step.js';

const REGISTER_WAIT_MS = 60_000;

interface Found {
  evaluation: Evaluation;
  connected?: PhoneNumber;
  candidates: PhoneNumber[];
}

const CHECKS = ['waba', 'payment-method', 'number-connected'] as const;

/** The three checks, each verified live (`upTo` of them) or still to do. */
function checks(upTo: number): ItemEval[] {
  return CHECKS.map((id, k) => ({ id, kind: k < upTo ? 'verified' : 'todo', via: k < upTo ? 'live' : undefined, verifiable: true }) as ItemEval);
}

function inspect(i: EvalInput): Found {
  const { progress, snap } = i;
  const r = progress.steps['first-number'];
  if (!snap.wabas || !snap.numbers) {
    const reason = snap.key.state === 'missing' ? msg('ev.keyMissing') : msg('ev.unreachable', { reason: snap.problem ?? snap.key.reason ?? '' });
    // Not readable now: what ycp last saw live stands, dated; never more than that.
    const earlier = r?.verifiedAt;
    const items = earlier !== undefined ? CHECKS.map((id) => earlierItem(id, earlier)) : checks(0);
    const seen = [earlier !== undefined ? verifiedEarlier(earlier, reason) : reason];
    return { evaluation: settle(i, items, { seen, blocker: msg('bl.number') }), candidates: [] };
  }
  const evidence: Msg[] = [msg('ev.wabas', { count: snap.wabas.length })];
  const todo = (blocker: Msg, upTo: number): Found => ({ evaluation: settle(i, checks(upTo), { seen: evidence, blocker }), candidates: [] });
  if (!snap.wabas.length) return todo(msg('s6.noWaba'), 0);
  // CONTRACT §16: without a payment method YCloud cannot bill, and sending fails.
  const paid = snap.wabas.filter((w) => w.paymentMethodAttached === true);
  evidence.push(msg(paid.length ? 'ev.payment' : 'ev.noPayment'));
  if (!paid.length) return todo(msg('s6.noPayment', { id: snap.wabas[0]!.id ?? '?' }), 1);
  const paidIds = new Set(paid.map((w) => w.id));
  const numbers = snap.numbers.filter((n) => paidIds.has(n.wabaId));
  const recorded = numbers.find((n) => n.id !== undefined && n.id === r?.data?.phoneNumberId);
  const connected = numbers.find((n) => n.status === 'CONNECTED');
  const shown = recorded ?? connected ?? numbers[0];
  evidence.push(shown ? msg('ev.number', { e164: shown.phoneNumber ?? shown.id ?? '?', status: String(shown.status ?? 'UNKNOWN') }) : msg('ev.noNumbers'));
  if (recorded && connected && recorded !== connected) evidence.push(msg('ev.number', { e164: connected.phoneNumber ?? '?', status: 'CONNECTED' }));
  if (connected) return { evaluation: settle(i, checks(3), { seen: evidence }), connected, candidates: [] };
  const pending = numbers.some((n) => n.status === 'PENDING');
  // Register the recorded number, else a PENDING one (what a fresh signup leaves); never spend one of the
  // 10 tries per 72 h on a number YCloud refuses anyway.
  const rank = (n: PhoneNumber) => (n === recorded ? 0 : n.status === 'PENDING' ? 1 : 2);
  const candidates = numbers.filter((n) => n.status !== 'BANNED' && n.status !== 'MIGRATED').sort((a, b) => rank(a) - rank(b));
  return { evaluation: settle(i, checks(2), { seen: evidence, waiting: pending, blocker: msg('s6.noNumber') }), candidates };
}

export const firstNumberStep: StepDef = {
  n: 6,
  id: 'first-number',
  title: 's6.title',
  evaluate: (i) => inspect(i).evaluation,
  async run(w: Wizard) {
    w.say('s6.body');
    w.say('s5.signupVerifies');
    let found = inspect(w.evalInput());
    if (!found.connected && w.snap.key.state === 'ok' && !w.snap.wabas?.length) {
      if (await offerServe(w)) {
        await w.refresh(w.snap.key);
        found = inspect(w.evalInput());
      }
    }
    if (found.connected) return done(w, found.connected);
    const api = await w.api();
    if (!api || w.snap.key.state !== 'ok') w.stop(6, 'todo', found.evaluation.evidence[0]!);
    if (!w.snap.wabas || !w.snap.numbers) w.stop(6, 'todo', found.evaluation.evidence[0]!);
    const target = found.candidates[0];
    if (!target?.id || !target.wabaId) w.stop(6, found.evaluation.state === 'waiting' ? 'waiting' : 'todo', found.evaluation.blocker ?? msg('s6.noNumber'));
    const res = await registerPhone(api, phoneTarget(target.wabaId, target.id), async (p) => {
      if (!(await w.confirm('s6.register', { e164: p.e164, id: p.phoneNumberId, waba: p.wabaId }, false))) w.stop(6, 'todo', msg('s6.noNumber'));
    });
    w.record('first-number', { data: { wabaId: res.wabaId, phoneNumberId: res.phoneNumberId, e164: res.e164 } });
    let status = String(res.status ?? 'PENDING');
    if (status !== 'CONNECTED') {
      try {
        status = (await waitForPhoneStatus({ api, clock: w.ctx.clock, signal: w.ctx.signal }, { wabaId: res.wabaId, e164: res.e164, for: 'CONNECTED', timeoutMs: REGISTER_WAIT_MS, intervalMs: 5_000 })).status;
      } catch (err) {
        if (!(err instanceof YcpError) || err.kind !== 'pending') throw err;
        status = String((err.info.details as { status?: string } | undefined)?.status ?? status);
      }
    }
    patchNumber(w.snap.numbers, res.phoneNumberId, status);
    if (status !== 'CONNECTED') w.stop(6, 'waiting', msg('s6.registered', { e164: res.e164, status }));
    done(w, { ...target, status });
  },
};

function done(w: Wizard, n: PhoneNumber): void {
  w.record('first-number', { verifiedAt: w.now(), data: { wabaId: n.wabaId ?? '', phoneNumberId: n.id ?? '', e164: n.phoneNumber ?? '' } });
  w.say('s6.connected', { e164: n.phoneNumber ?? n.id ?? '?', waba: n.wabaId ?? '?' });
}

function patchNumber(numbers: PhoneNumber[] | undefined, id: string, status: string): void {
  const n = numbers?.find((x) => x.id === id);
  if (n) n.status = status;
}
