// Fixed facts the wizard hands out, from YCloud's partner onboarding guide (zh) and CONTRACT §14–§15.

/** YCloud's partner app ID: goes into "Partner App ID" when creating the Partner Solution (guide step 4). */
export const YCLOUD_PARTNER_APP_ID = '2892949377516980';

export const LINKS = {
  // The guide (zh) links the partner page; CONTRACT §14 also lists /zh/tech-partner. The guide wins for init.
  partnerPage: 'https://www.ycloud.com/zh/partner',
  register: 'https://www.ycloud.com/console/#/entry/register',
  console: 'https://www.ycloud.com/console/',
  techProviders: 'https://developers.facebook.com/docs/whatsapp/solution-providers/get-started-for-tech-providers',
  businessPortfolio: 'https://business.facebook.com',
  developers: 'https://developers.facebook.com',
  apps: 'https://developers.facebook.com/apps',
  webhooks: 'https://docs.ycloud.com/reference/configure-webhooks',
} as const;

/** CONTRACT §15: Facebook Login for Business > Settings > Client OAuth settings, every one set to Yes. */
export const CLIENT_OAUTH_SETTINGS = [
  'Client OAuth Login',
  'Web OAuth Login',
  'Enforce HTTPS',
  'Embedded Browser OAuth Login',
  'Use Strict Mode for redirect URIs',
  'Login with the JavaScript SDK',
] as const;

/** The permissions App Review needs (guide step 8), each with its own text and video. */
export const REVIEW_PERMISSIONS = ['whatsapp_business_management', 'whatsapp_business_messaging'] as const;
