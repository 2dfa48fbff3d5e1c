// The English catalog: one area per folder (src/i18n/<area>/en.ts), merged here. An area's zh-CN.ts has
// exactly the same keys and {placeholders}; test/i18n/catalogs.test.ts checks the merged catalogs.
// Adding an area: its two files, one line here and one in zh-CN.ts. Keys carry the area's prefix.
// The page's own words (page/) are not the CLI's: `signup scaffold` writes them into the page, so they are
// not loaded by every run; test/i18n/catalogs.test.ts checks them with the rest.
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
import { signupEn } from './signup/en.js';
import { apiEn } from './api/en.js';
import { templatesEn } from './templates/en.js';
import { phoneEn } from './phone/en.js';
import { linksEn } from './links/en.js';
import { webhookEn } from './webhook/en.js';

export const en = merge(
  onboardingEn,
  cliEn,
  inputEn,
  httpEn,
  systemEn,
  accountEn,
  numbersEn,
  messagesEn,
  hooksEn,
  sandboxEn,
  signupEn,
  apiEn,
  templatesEn,
  phoneEn,
  linksEn,
  webhookEn,
);

export type MsgKey = keyof typeof en;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * The areas as one catalog. Object.assign, not `{ ...a, ...b }`: spreading a dozen objects of a hundred keys
 * each cost every run ~9 ms of start-up (issue 14's budget); copying them costs well under one.
 */
export function merge<T extends readonly object[]>(...areas: T): Intersection<T[number]> {
  return Object.assign({}, ...areas) as Intersection<T[number]>;
}
