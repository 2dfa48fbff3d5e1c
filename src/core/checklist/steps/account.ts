// Steps 1–2 of the guide: apply as a partner; YCloud account and an API key verified by a real call.
import { YcpError } from '../../errors.js';
import { readAll } from '../../stdin.js';
import { apiClient } from '../../api/from-ctx.js';
import { msg } from '../../../i18n/index.js';
import { LINKS } from '../facts.js';
import { checkKey } from '../snapshot.js';
import type { Wizard } from '../wizard.js';
import { earlierItem, personItems, settle, verifiedEarlier, type StepDef } from './step.js';
import type { EvalInput, ItemEval } from '../types.js';

export const applyStep: StepDef = {
  n: 1,
  id: 'apply',
  title: 's1.title',
  evaluate: (i) => settle(i, personItems(i.progress.steps.apply, ['application'], false), { blocker: msg('bl.apply') }),
  async run(w) {
    w.say('s1.body');
    w.say('ui.link', { url: LINKS.partnerPage });
    if (await w.attest('apply', ['application'])) w.stop(1, 'todo', msg('item.application'));
  },
};

export const accountStep: StepDef = {
  n: 2,
  id: 'account',
  title: 's2.title',
  evaluate: (i) => {
    const email = personItems(i.progress.steps.account, ['account-email'], false);
    const { item, blocker } = keyItem(i);
    return settle(i, [...email, item], { blocker: blocker ?? msg('bl.email') });
  },
  async run(w) {
    w.say('s2.body');
    w.say('ui.link', { url: LINKS.register });
    w.say('ui.link', { url: LINKS.console });
    if (await w.attest('account', ['account-email'])) w.stop(2, 'todo', msg('item.account-email'));
    const current = w.values.apiKey;
    if (w.snap.key.state !== 'ok' && current.value) w.snap.key = await checkKey((await w.api())!, w.keyInfo());
    if (w.snap.key.state === 'unreachable') throw unreachable(w);
    if (w.snap.key.state === 'ok' && !(w.o.apiKeyStdin && current.source !== 'env')) {
      if (current.source === 'env') w.say('s2.fromEnv', { key: w.snap.key.masked ?? '', from: current.from ?? 'env' });
      else w.say('s2.saved', { key: w.snap.key.masked ?? '', profile: w.profile });
    } else {
      // A key from the environment wins over the profile anyway: asking for another would not change anything.
      if (current.source === 'env') throw rejected(w, current.value!);
      await askKey(w);
    }
    w.verified('account');
    // The lists were read at start when the key already worked; read them now only for a new key.
    if (!w.snap.wabas) await w.refresh(w.snap.key);
  },
};

/** The key, checked live with GET /balance; while YCloud cannot be reached, the last time it was. */
function keyItem({ progress, snap }: EvalInput): { item: ItemEval; blocker?: ReturnType<typeof msg> } {
  const k = snap.key;
  const earlier = progress.steps.account?.verifiedAt;
  switch (k.state) {
    case 'ok':
      return { item: { id: 'api-key', kind: 'verified', via: 'live', verifiable: true, evidence: msg('ev.keyOk', { key: k.masked ?? '', source: k.source ?? '', requestId: k.requestId ?? '-' }) } };
    case 'rejected':
      return { item: { id: 'api-key', kind: 'todo', verifiable: true, evidence: msg('ev.keyRejected', { key: k.masked ?? '' }) }, blocker: msg('s2.rejectedHint') };
    case 'unreachable': {
      const reason = msg('ev.unreachable', { reason: k.reason ?? '' });
      return earlier !== undefined
        ? { item: { ...earlierItem('api-key', earlier), evidence: verifiedEarlier(earlier, reason) } }
        : { item: { id: 'api-key', kind: 'todo', verifiable: true, evidence: reason } };
    }
    default:
      return { item: { id: 'api-key', kind: 'todo', verifiable: true, evidence: msg('ev.keyMissing') }, blocker: msg('bl.key') };
  }
}

async function askKey(w: Wizard): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const key = w.o.apiKeyStdin
      ? (await readAll(w.ctx.io.stdin, w.ctx.signal)).trim()
      : (
          await w.prompt.password({
            message: w.tr('s2.keyPrompt'),
            flag: '--api-key-stdin',
            validate: (v) => (v.trim().length >= 8 && !/\s/.test(v.trim()) ? true : w.tr('v.key')),
          })
        ).trim();
    w.ctx.io.secrets.add(key); // before the check: a server may echo the key in its answer
    if (key.length < 8 || /\s/.test(key)) throw new YcpError('usage', w.tr('v.key'));
    // Verify before saving: a wrong key stored now would fail far from its cause.
    const k = await checkKey(await apiClient(w.ctx, { purpose: 'operation', apiKey: key }), { masked: w.ui.mask(key), source: msg('src.profile') });
    if (k.state === 'ok') {
      w.saveSetting('apiKey', key);
      w.snap.key = k;
      w.say('s2.saved', { key: w.ui.mask(key), profile: w.profile });
      return;
    }
    if (k.state === 'unreachable') throw unreachable(w, k.reason);
    // A person at the keyboard gets another try; a script gets exit 4 at once.
    if (w.o.apiKeyStdin || !w.ctx.io.canPrompt || attempt >= 3) throw rejected(w, key, k.requestId);
    w.line(w.tr('s2.rejected', { key: w.ui.mask(key) }));
  }
}

function rejected(w: Wizard, key: string, requestId?: string): YcpError {
  return new YcpError('auth', w.tr('s2.rejected', { key: w.ui.mask(key) }), { hint: w.tr('s2.rejectedHint'), requestId: requestId ?? w.snap.key.requestId });
}

function unreachable(w: Wizard, reason = w.snap.key.reason): YcpError {
  return new YcpError('network', w.tr('dr.apiDown', { url: w.values.baseUrl, reason: reason ?? '' }), { hint: w.tr('dr.apiDownFix') });
}
