// Shared stubs for the init/status tests: the four reads every automatic check makes.
import type { TestCtx } from './test-ctx.js';
import { aPage, aPhoneNumber, aWaba, anEndpoint, E164, PHONE_ID, WABA_ID } from './builders.js';
import type { PhoneNumber, Waba, WebhookEndpoint } from '../../src/core/api/types.js';
import { WHATSAPP_EVENT_TYPES } from '../../src/core/webhook/event-types.js';
import { ALL_PERSON_ITEMS, PERSON_ITEMS, STEP_IDS } from '../../src/core/checklist/types.js';

export const APP_ID = '123456789012345';
export const SOLUTION_ID = '987654321098765';
export const CONFIG_ID = '555666777888999';
export const HOOK_URL = 'https://hooks.example.com/ycloud';
export const BALANCE = { amount: 190.0765, currency: 'USD' };
export { E164, PHONE_ID, WABA_ID };

export const fullEndpoint = (over: Partial<WebhookEndpoint> = {}) =>
  anEndpoint({ url: HOOK_URL, enabledEvents: [...WHATSAPP_EVENT_TYPES], description: 'Production webhook endpoint (partner onboarding)', ...over });

export function stubBalance(t: TestCtx, headers: Record<string, string> = {}) {
  return t.api.on('GET', '/balance').reply(200, BALANCE, headers);
}

export function stubLists(t: TestCtx, o: { wabas?: Waba[]; numbers?: PhoneNumber[]; endpoints?: WebhookEndpoint[] } = {}) {
  t.api.on('GET', '/whatsapp/businessAccounts?page=1&limit=100').reply(200, aPage(o.wabas ?? [aWaba()]));
  t.api.on('GET', '/whatsapp/phoneNumbers?page=1&limit=100').reply(200, aPage(o.numbers ?? [aPhoneNumber()]));
  t.api.on('GET', '/webhookEndpoints?page=1&limit=100').reply(200, aPage(o.endpoints ?? [fullEndpoint()]));
}

/** Every person-only item, as `--attest` takes them. */
export const ALL_ATTEST = ALL_PERSON_ITEMS.join(',');
export const ATTESTED_AT = '2026-11-20T10:00:00.000Z';

/**
 * A profile whose nine steps were all completed on 2026-11-20 (version 2): every person-only item
 * attested at the prompt, the IDs given, and steps 2, 6 and 7 verified live then.
 */
export function finishedProfile(): Record<string, unknown> {
  const at = ATTESTED_AT;
  const attested = (items: readonly string[]) => Object.fromEntries(items.map((i) => [i, { at, via: 'prompt' }]));
  const steps: Record<string, Record<string, unknown>> = {};
  for (const [id, items] of Object.entries(PERSON_ITEMS)) steps[id] = { at, attested: attested(items) };
  Object.assign(steps['tech-provider']!.attested as object, attested(['app-id']));
  Object.assign(steps['partner-solution']!.attested as object, attested(['solution-id']));
  Object.assign(steps['embedded-signup']!.attested as object, attested(['config-id']));
  steps.account = { ...steps.account, verifiedAt: at };
  steps['first-number'] = { at, verifiedAt: at, data: { wabaId: WABA_ID, phoneNumberId: PHONE_ID, e164: E164 } };
  steps.webhooks = { at, verifiedAt: at, data: { url: HOOK_URL, endpointId: fullEndpoint().id } };
  return { appId: APP_ID, solutionId: SOLUTION_ID, configId: CONFIG_ID, init: { version: 2, steps } };
}

/** Every tick key each step asked for in version 1, as that wizard stored them. */
export const V1_TICKS: Record<string, string[]> = {
  account: ['s2.confirm'],
  'tech-provider': ['s3.portfolio', 's3.developer', 's3.app', 's3.test', 's3.verification'],
  'partner-solution': ['s4.confirm'],
  'embedded-signup': ['s5.publicProfile', 's5.oauthDone', 's5.domainsDone'],
  'app-review': ['s8.tickSettings', 's8.tickManagement', 's8.tickMessaging', 's8.tickSubmitted', 's8.tickApproved', 's8.tickLive'],
};

/** The same finished profile as version 1 stored it: ticks and `state: done`, no evidence kinds. */
export function finishedProfileV1(): Record<string, unknown> {
  const steps: Record<string, Record<string, unknown>> = Object.fromEntries(
    STEP_IDS.map((id) => [id, { state: 'done', at: ATTESTED_AT, ...(V1_TICKS[id] ? { ticks: V1_TICKS[id] } : {}) }]),
  );
  steps['first-number'] = { ...steps['first-number'], data: { wabaId: WABA_ID, phoneNumberId: PHONE_ID, e164: E164 } };
  steps.webhooks = { ...steps.webhooks, data: { url: HOOK_URL, endpointId: fullEndpoint().id } };
  return { appId: APP_ID, solutionId: SOLUTION_ID, configId: CONFIG_ID, init: { version: 1, steps } };
}
