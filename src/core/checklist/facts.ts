// Fixed facts the wizard hands out, from YCloud's partner onboarding guide (zh) and CONTRACT §14–§15.
import { CHECKLIST_URLS } from '../links.js';

/** YCloud's partner app ID: goes into "Partner App ID" when creating the Partner Solution (guide step 4). */
export const YCLOUD_PARTNER_APP_ID = '2892949377516980';

// One link table for the wizard, `status` and `ycp open` (core/links.ts).
export const LINKS = CHECKLIST_URLS;

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
