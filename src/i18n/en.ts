// The English catalog: one area per folder (src/i18n/<area>/en.ts), merged here. An area's zh-CN.ts has
// exactly the same keys and {placeholders}; test/i18n/catalogs.test.ts checks the merged catalogs.
// Adding an area: its two files, one line here and one in zh-CN.ts. Keys carry the area's prefix.
import { onboardingEn } from './onboarding/en.js';
import { cliEn } from './cli/en.js';
import { inputEn } from './input/en.js';
import { httpEn } from './http/en.js';
import { systemEn } from './system/en.js';
import { accountEn } from './account/en.js';
import { numbersEn } from './numbers/en.js';
import { messagesEn } from './messages/en.js';
import { hooksEn } from './hooks/en.js';
import { sandboxEn } from './sandbox/en.js';

export const en = {
  ...onboardingEn,
  ...cliEn,
  ...inputEn,
  ...httpEn,
  ...systemEn,
  ...accountEn,
  ...numbersEn,
  ...messagesEn,
  ...hooksEn,
  ...sandboxEn,
} as const;

export type MsgKey = keyof typeof en;
