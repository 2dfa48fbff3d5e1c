// 简体中文目录：各区域（src/i18n/<区域>/zh-CN.ts）在此合并，键与 en.ts 完全一致。
// 由 run() 按需加载（loadLang）：英文运行不解析中文目录。
import { merge, type MsgKey } from './en.js';
import { onboardingZhCN } from './onboarding/zh-CN.js';
import { cliZhCN } from './cli/zh-CN.js';
import { inputZhCN } from './input/zh-CN.js';
import { httpZhCN } from './http/zh-CN.js';
import { systemZhCN } from './system/zh-CN.js';
import { accountZhCN } from './account/zh-CN.js';
import { numbersZhCN } from './numbers/zh-CN.js';
import { messagesZhCN } from './messages/zh-CN.js';
import { hooksZhCN } from './hooks/zh-CN.js';
import { sandboxZhCN } from './sandbox/zh-CN.js';
import { signupZhCN } from './signup/zh-CN.js';
import { apiZhCN } from './api/zh-CN.js';
import { templatesZhCN } from './templates/zh-CN.js';
import { phoneZhCN } from './phone/zh-CN.js';
import { linksZhCN } from './links/zh-CN.js';
import { webhookZhCN } from './webhook/zh-CN.js';

export const zhCN: Record<MsgKey, string> = merge(
  onboardingZhCN,
  cliZhCN,
  inputZhCN,
  httpZhCN,
  systemZhCN,
  accountZhCN,
  numbersZhCN,
  messagesZhCN,
  hooksZhCN,
  sandboxZhCN,
  signupZhCN,
  apiZhCN,
  templatesZhCN,
  phoneZhCN,
  linksZhCN,
  webhookZhCN,
);
