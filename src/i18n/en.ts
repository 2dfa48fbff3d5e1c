// The English catalog: one area per folder (src/i18n/<area>/en.ts), merged here. An area's zh-CN.ts has
// exactly the same keys and {placeholders}; test/i18n/catalogs.test.ts checks the merged catalogs.
// Adding an area: its two files, one line here and one in zh-CN.ts. Keys carry the area's prefix.
import { onboardingEn } from './onboarding/en.js';
import { signupEn } from './signup/en.js';
import { pageEn } from './page/en.js';
import { apiEn } from './api/en.js';
import { templatesEn } from './templates/en.js';
import { phoneEn } from './phone/en.js';
import { linksEn } from './links/en.js';
import { webhookEn } from './webhook/en.js';

export const en = {
  ...onboardingEn,
  ...signupEn,
  ...pageEn,
  ...apiEn,
  ...templatesEn,
  ...phoneEn,
  ...linksEn,
  ...webhookEn,
} as const;

export type MsgKey = keyof typeof en;
