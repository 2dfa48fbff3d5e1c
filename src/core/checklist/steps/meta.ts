// Steps 3–5 of the guide: Meta Tech Provider, the Partner Solution, the Embedded Signup configuration.
// The person attests each item; a real signup through their page (signup-evidence.ts) verifies all three.
import { msg } from '../../../i18n/index.js';
import { CLIENT_OAUTH_SETTINGS, LINKS, YCLOUD_PARTNER_APP_ID } from '../facts.js';
import { PERSON_ITEMS, type PersonItem } from '../types.js';
import type { Wizard } from '../wizard.js';
import { choosePageDir, offerScaffold } from './page.js';
import { digits, isDigitString, personItems, settle, signupVerified, valueItem, type StepDef } from './step.js';

const TECH = PERSON_ITEMS['tech-provider'];
const SOLUTION = PERSON_ITEMS['partner-solution'];
const SIGNUP = PERSON_ITEMS['embedded-signup'];

/** A no to a person-only item stops the step there; a run that cannot ask goes on (the end names it). */
async function attestOrStop(w: Wizard, n: 3 | 4 | 5, items: readonly PersonItem[], waiting: PersonItem[] = []): Promise<void> {
  const id = n === 3 ? 'tech-provider' : n === 4 ? 'partner-solution' : 'embedded-signup';
  const no = await w.attest(id, items);
  if (no) w.stop(n, waiting.includes(no) ? 'waiting' : 'todo', waiting.includes(no) && n === 4 ? msg('s4.waiting') : msg('ui.notTicked', { item: w.tr(`item.${no}`) }));
}

export const techProviderStep: StepDef = {
  n: 3,
  id: 'tech-provider',
  title: 's3.title',
  evaluate: (i) => {
    const items = [...personItems(i.progress.steps['tech-provider'], TECH, true), valueItem(i, 'tech-provider', 'appId', 'ev.appId')];
    return settle(i, signupVerified(i, items), { blocker: msg('bl.tech') });
  },
  async run(w) {
    w.say('s3.body');
    w.say('ui.link', { url: LINKS.techProviders });
    for (const item of TECH) w.line(`  - ${w.tr(`item.${item}`)}`);
    await attestOrStop(w, 3, TECH);
    const appId = await w.answer(w.values.appId, { flag: '--app-id', message: 's3.appIdPrompt', validate: digits });
    w.saveSetting('appId', appId, w.values.appId === undefined ? 'prompt' : undefined); // a flag was attested at the start
    w.say('s3.appIdSaved', { id: appId });
  },
};

export const partnerSolutionStep: StepDef = {
  n: 4,
  id: 'partner-solution',
  title: 's4.title',
  evaluate: (i) => {
    const r = i.progress.steps['partner-solution'];
    const items = [...personItems(r, SOLUTION, true), valueItem(i, 'partner-solution', 'solutionId', 'ev.solutionId')];
    // Submitted and not yet accepted (or no Solution ID yet): YCloud's turn, nothing to do but wait.
    const waiting = !i.requireVerified && (Boolean(r?.attested?.['solution-submitted']) || r?.state === 'waiting');
    return settle(i, signupVerified(i, items), { waiting, blocker: waiting ? msg('s4.waiting') : msg('bl.solution') });
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
    await attestOrStop(w, 4, SOLUTION, ['solution-accepted']);
    const id = await w.answer(w.values.solutionId, {
      flag: '--solution-id',
      message: 's4.idPrompt',
      validate: (v) => (v === '' || isDigitString(v) ? true : 'v.digitsOrEmpty'),
    });
    // Accepting the solution takes YCloud a while: the step waits, and `ycp init --step 4` resumes it.
    if (id === '') w.stop(4, 'waiting', msg('s4.waiting'));
    w.saveSetting('solutionId', id, w.values.solutionId === undefined ? 'prompt' : undefined); // a flag was attested at the start
    w.say('s4.saved', { id });
  },
};

export const embeddedSignupStep: StepDef = {
  n: 5,
  id: 'embedded-signup',
  title: 's5.title',
  evaluate: (i) => {
    const items = [...personItems(i.progress.steps['embedded-signup'], SIGNUP, true), valueItem(i, 'embedded-signup', 'configId', 'ev.configId')];
    return settle(i, signupVerified(i, items), { blocker: msg('bl.signup') });
  },
  async run(w) {
    w.say('s5.prereq');
    await attestOrStop(w, 5, ['public-profile']);
    // A v4 login configuration (Meta: a new configuration with products selected is what makes it v4).
    w.say('ui.where', { where: w.tr('s5.configWhere') });
    w.say('s5.configV4');
    await attestOrStop(w, 5, ['login-config-v4']);
    const configId = await w.answer(w.values.configId, { flag: '--config-id', message: 's5.configIdPrompt', validate: digits });
    w.saveSetting('configId', configId, w.values.configId === undefined ? 'prompt' : undefined); // a flag was attested at the start
    w.say('s5.saved', { id: configId });
    w.say('s5.oauthWhere');
    for (const s of CLIENT_OAUTH_SETTINGS) w.line(`  - ${w.tr('s5.oauthItem', { name: s })}`);
    w.say('s5.domains');
    await attestOrStop(w, 5, ['oauth-settings', 'allowed-domains']);
    // The page folder is recorded with the step: step 6 serves the page written here.
    const pageDir = w.values.appId && w.values.solutionId ? await choosePageDir(w) : undefined;
    if (pageDir) {
      w.record('embedded-signup', { data: { pageDir } });
      await offerScaffold(w, pageDir);
    }
    w.say('s5.signupVerifies');
  },
};
