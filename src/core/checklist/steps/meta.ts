// Steps 3–5 of the guide: Meta Tech Provider, the Partner Solution, the Embedded Signup configuration.
import { msg, type MsgKey } from '../../../i18n/index.js';
import { CLIENT_OAUTH_SETTINGS, LINKS, YCLOUD_PARTNER_APP_ID } from '../facts.js';
import type { Wizard } from '../wizard.js';
import { choosePageDir, offerScaffold } from './page.js';
import { confirmedEvidence, digits, isDigitString, recordedState, ticksEvidence, type StepDef } from './step.js';

const TECH_ITEMS: MsgKey[] = ['s3.portfolio', 's3.developer', 's3.app', 's3.test', 's3.verification'];
const SIGNUP_ITEMS: MsgKey[] = ['s5.publicProfile', 's5.oauthDone', 's5.domainsDone'];

async function tickAll(w: Wizard, n: 3 | 5, items: MsgKey[]): Promise<void> {
  const missing = await w.ticks(n === 3 ? 'tech-provider' : 'embedded-signup', items);
  if (missing) w.stop(n, 'todo', msg('ui.notTicked', { item: w.tr(missing) }));
}

export const techProviderStep: StepDef = {
  n: 3,
  id: 'tech-provider',
  title: 's3.title',
  evaluate: ({ progress, values }) => {
    const r = progress.steps['tech-provider'];
    const evidence = [ticksEvidence(r, TECH_ITEMS), ...(values.appId ? [msg('ev.appId', { id: values.appId })] : [])];
    const done = r?.state === 'done' && Boolean(values.appId);
    return { state: done ? 'done' : 'todo', evidence, blocker: msg('bl.tech') };
  },
  async run(w) {
    w.say('s3.body');
    w.say('ui.link', { url: LINKS.techProviders });
    for (const item of TECH_ITEMS) w.line(`  - ${w.tr(item)}`);
    await tickAll(w, 3, TECH_ITEMS);
    const appId = await w.answer(w.values.appId, { flag: '--app-id', message: 's3.appIdPrompt', validate: digits });
    w.saveSetting('appId', appId);
    w.say('s3.appIdSaved', { id: appId });
    w.record('tech-provider', { state: 'done' });
  },
};

export const partnerSolutionStep: StepDef = {
  n: 4,
  id: 'partner-solution',
  title: 's4.title',
  evaluate: ({ progress, values }) => {
    if (values.solutionId) return { state: 'done', evidence: [msg('ev.solutionId', { id: values.solutionId })] };
    const r = progress.steps['partner-solution'];
    return r?.state === 'waiting'
      ? { state: 'waiting', evidence: confirmedEvidence(r), blocker: msg('s4.waiting') }
      : { state: 'todo', evidence: [], blocker: msg('bl.solution') };
  },
  async run(w) {
    w.say('ui.where', { where: w.tr('s4.where') });
    w.line(`  - ${w.tr('s4.name')}`);
    w.line(`  - ${w.tr('s4.partnerAppId')}`);
    // Shown alone on its line so a double-click copies exactly the ID.
    w.line('');
    w.line(`      ${w.ui.strong(YCLOUD_PARTNER_APP_ID)}`);
    w.line('');
    w.say('s4.body');
    if (!(w.rec('partner-solution').ticks ?? []).includes('s4.confirm')) {
      if (!(await w.confirm('s4.confirm'))) w.stop(4, 'todo', msg('s4.confirm'));
      w.record('partner-solution', { ticks: ['s4.confirm'] });
    }
    const id = await w.answer(w.values.solutionId, {
      flag: '--solution-id',
      message: 's4.idPrompt',
      validate: (v) => (v === '' || isDigitString(v) ? true : 'v.digitsOrEmpty'),
    });
    if (id === '') {
      // Accepting the solution takes YCloud a while: the step waits, and `ycp init --step 4` resumes it.
      w.record('partner-solution', { state: 'waiting' });
      w.stop(4, 'waiting', msg('s4.waiting'));
    }
    w.saveSetting('solutionId', id);
    w.say('s4.saved', { id });
    w.record('partner-solution', { state: 'done' });
  },
};

export const embeddedSignupStep: StepDef = {
  n: 5,
  id: 'embedded-signup',
  title: 's5.title',
  evaluate: ({ progress, values }) => {
    const r = progress.steps['embedded-signup'];
    const evidence = [ticksEvidence(r, SIGNUP_ITEMS), ...(values.configId ? [msg('ev.configId', { id: values.configId })] : [])];
    const done = recordedState(r) === 'done' && Boolean(values.configId);
    return { state: done ? 'done' : 'todo', evidence, blocker: msg('bl.signup') };
  },
  async run(w) {
    w.say('s5.prereq');
    await tickAll(w, 5, ['s5.publicProfile']);
    w.say('ui.where', { where: w.tr('s5.configWhere') });
    const configId = await w.answer(w.values.configId, { flag: '--config-id', message: 's5.configIdPrompt', validate: digits });
    w.saveSetting('configId', configId);
    w.say('s5.saved', { id: configId });
    w.say('s5.oauthWhere');
    for (const s of CLIENT_OAUTH_SETTINGS) w.line(`  - ${w.tr('s5.oauthItem', { name: s })}`);
    w.say('s5.domains');
    await tickAll(w, 5, SIGNUP_ITEMS);
    // The page folder is recorded with the step: step 6 serves the page written here.
    const pageDir = w.values.appId && w.values.solutionId ? await choosePageDir(w) : undefined;
    w.record('embedded-signup', { state: 'done', ...(pageDir ? { data: { pageDir } } : {}) });
    if (pageDir) await offerScaffold(w, pageDir);
  },
};
