// The one table of dashboard links: `ycp open`, the onboarding wizard and `status` (through
// checklist/facts.ts) read their URLs here. Each link says how sure we are of its pattern (docs/open.md):
// - 'docs': the page is named in first-party documentation (Meta's, YCloud's);
// - 'seen': the URL pattern is not documented, but appears consistently in public code and guides that
//   deep-link to it (research for issue 13, 2026-11);
// - 'inferred': no deep link was found; the URL opens the nearest verified page and `where` says where to
//   click from there.
// Meta's dashboards need the partner's own app ID (the `app-id` setting); without it the app list opens.
import type { MsgKey } from '../i18n/index.js';

export type Evidence = 'docs' | 'seen' | 'inferred';

export interface LinkIds {
  appId?: string;
  businessId?: string;
}

export interface LinkTarget {
  name: string;
  /** What the page is for (catalog key, shown by `ycp open --list`). */
  title: MsgKey;
  evidence: Evidence;
  /** Where the pattern comes from. */
  source: string;
  /** The URL with the IDs filled in; `needs` names an ID it could not do without. */
  url(ids: LinkIds): { url: string; needs?: 'appId' };
  /** For 'inferred' links: where to go from the opened page (catalog key). */
  where?: MsgKey;
}

const META_APPS = 'https://developers.facebook.com/apps';
const YCLOUD_CONSOLE = 'https://www.ycloud.com/console/';

/** A page of the partner's Meta app, or the app list while no app ID is known. */
const app = (path: string) => (ids: LinkIds) => (ids.appId ? { url: `${META_APPS}/${encodeURIComponent(ids.appId)}/${path}` } : { url: `${META_APPS}/`, needs: 'appId' as const });
const fixed = (url: string) => () => ({ url });

export const LINK_TARGETS: readonly LinkTarget[] = [
  { name: 'meta-app', title: 'open.t.metaApp', evidence: 'seen', source: 'developers.facebook.com/apps/<id>/dashboard/ in public partner guides', url: app('dashboard/') },
  {
    name: 'partner-solutions', title: 'open.t.partnerSolutions', evidence: 'inferred', where: 'open.w.partnerSolutions',
    source: "Meta's Multi-Partner Solutions doc: App Dashboard > WhatsApp > Partner Solutions (no deep link published)", url: app('dashboard/'),
  },
  { name: 'login-settings', title: 'open.t.loginSettings', evidence: 'seen', source: 'developers.facebook.com/apps/<id>/business-login/settings/ in public guides', url: app('business-login/settings/') },
  { name: 'login-configurations', title: 'open.t.loginConfigs', evidence: 'seen', source: 'developers.facebook.com/apps/<id>/business-login/configurations/ in public code and guides', url: app('business-login/configurations/') },
  { name: 'app-review', title: 'open.t.appReview', evidence: 'seen', source: 'developers.facebook.com/apps/<id>/app-review/ in public guides', url: app('app-review/') },
  {
    name: 'business-verification', title: 'open.t.businessVerification', evidence: 'seen', source: 'business.facebook.com/settings/security (Security Center) in public guides',
    url: (ids) => ({ url: `https://business.facebook.com/settings/security${ids.businessId ? `?business_id=${encodeURIComponent(ids.businessId)}` : ''}` }),
  },
  { name: 'meta-apps', title: 'open.t.metaApps', evidence: 'docs', source: "Meta's Tech Provider guide", url: fixed(`${META_APPS}`) },
  { name: 'business-portfolio', title: 'open.t.businessPortfolio', evidence: 'docs', source: "YCloud's onboarding guide, step 3.1", url: fixed('https://business.facebook.com') },
  { name: 'meta-developers', title: 'open.t.metaDevelopers', evidence: 'docs', source: "YCloud's onboarding guide, step 3.2", url: fixed('https://developers.facebook.com') },
  { name: 'tech-provider-guide', title: 'open.t.techProviders', evidence: 'docs', source: "Meta's Get Started for Tech Providers", url: fixed('https://developers.facebook.com/docs/whatsapp/solution-providers/get-started-for-tech-providers') },
  { name: 'ycloud-console', title: 'open.t.ycloudConsole', evidence: 'docs', source: "YCloud's onboarding guide", url: fixed(YCLOUD_CONSOLE) },
  { name: 'ycloud-api-keys', title: 'open.t.ycloudApiKeys', evidence: 'docs', source: 'YCloud docs: Developers > API Keys (console/#/app/developers/apikey)', url: fixed(`${YCLOUD_CONSOLE}#/app/developers/apikey`) },
  { name: 'ycloud-webhooks', title: 'open.t.ycloudWebhooks', evidence: 'docs', source: 'YCloud help docs: Developers > Webhooks (console/#/app/developers/webhook)', url: fixed(`${YCLOUD_CONSOLE}#/app/developers/webhook`) },
  { name: 'ycloud-wabas', title: 'open.t.ycloudWabas', evidence: 'seen', source: 'console/#/app/whatsApp/account in public integration guides', url: fixed(`${YCLOUD_CONSOLE}#/app/whatsApp/account`) },
  { name: 'ycloud-templates', title: 'open.t.ycloudTemplates', evidence: 'docs', source: 'YCloud help docs: templates (console/#/app/whatsApp/template)', url: fixed(`${YCLOUD_CONSOLE}#/app/whatsApp/template`) },
  // The guide (zh) links the partner page; CONTRACT §14 also lists /zh/tech-partner. The guide wins.
  { name: 'ycloud-partner', title: 'open.t.ycloudPartner', evidence: 'docs', source: "YCloud's partner onboarding guide (zh), step 1", url: fixed('https://www.ycloud.com/zh/partner') },
  { name: 'ycloud-register', title: 'open.t.ycloudRegister', evidence: 'docs', source: 'CONTRACT §14 step 2', url: fixed(`${YCLOUD_CONSOLE}#/entry/register`) },
  { name: 'ycloud-webhook-docs', title: 'open.t.ycloudWebhookDocs', evidence: 'docs', source: 'YCloud API reference', url: fixed('https://docs.ycloud.com/reference/configure-webhooks') },
];

export function findLink(name: string): LinkTarget | undefined {
  return LINK_TARGETS.find((l) => l.name === name);
}

/** A fixed page's URL (no IDs needed), for the wizard's facts. */
const fixedUrl = (name: string) => findLink(name)!.url({}).url;

/** The URLs the onboarding checklist shows (checklist/facts.ts `LINKS`), from this table. */
export const CHECKLIST_URLS = {
  partnerPage: fixedUrl('ycloud-partner'),
  register: fixedUrl('ycloud-register'),
  console: fixedUrl('ycloud-console'),
  techProviders: fixedUrl('tech-provider-guide'),
  businessPortfolio: fixedUrl('business-portfolio'),
  developers: fixedUrl('meta-developers'),
  apps: fixedUrl('meta-apps'),
  webhooks: fixedUrl('ycloud-webhook-docs'),
} as const;
