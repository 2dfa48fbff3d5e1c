// 简体中文目录：各区域（src/i18n/<区域>/zh-CN.ts）在此合并，键与 en.ts 完全一致。
import type { MsgKey } from './en.js';
import { onboardingZhCN } from './onboarding/zh-CN.js';
import { signupZhCN } from './signup/zh-CN.js';
import { pageZhCN } from './page/zh-CN.js';
import { apiZhCN } from './api/zh-CN.js';
import { templatesZhCN } from './templates/zh-CN.js';
import { phoneZhCN } from './phone/zh-CN.js';
import { linksZhCN } from './links/zh-CN.js';
import { webhookZhCN } from './webhook/zh-CN.js';

export const zhCN: Record<MsgKey, string> = {
  ...onboardingZhCN,
  ...signupZhCN,
  ...pageZhCN,
  ...apiZhCN,
  ...templatesZhCN,
  ...phoneZhCN,
  ...linksZhCN,
  ...webhookZhCN,
};
