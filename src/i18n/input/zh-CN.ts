// 对用户输入的检查（core/validate.ts、commands/args.ts 的参数解析、设置名称）：在发出任何请求之前
// 拒绝，并说明期望的格式。键与 ./en.ts 完全一致。
import type { inputEn } from './en.js';

export const inputZhCN: Record<keyof typeof inputEn, string> = {
  'input.digits': '{what} 必须是一串数字，收到的是 "{value}"',
  'input.e164': '{what} 必须是 E.164 格式的号码（例如 +15550001111），收到的是 "{value}"',
  'input.phoneRef': '号码必须是号码 ID（15 位或更多数字）或 E.164 格式的号码（+15550001111），收到的是 "{value}"',
  'input.phoneNoPlus': '"{value}" 看起来是缺少 + 的电话号码：是不是想输入 +{value}？',
  'input.phoneNoPlusHint': '电话号码请按 E.164 格式连同 + 一起写（+15550001111）；号码 ID 有 15 位或更多数字（`ycp phone list` 会同时列出两者）',
  'input.phoneIdName': '号码 ID',
  'input.baseUrlName': 'API 基础 URL',
  'input.url': '{what} 必须是 URL，收到的是 "{value}"',
  'input.httpUrl': '{what} 必须是 http(s) URL，收到的是 "{value}"',
  'input.httpsUrl': '{what} 必须是 https URL，收到的是 "{value}"',
  'input.webhookHttps': 'YCloud 只向 https URL 推送 webhook，收到的是 "{value}"',
  'input.webhookHttpsHint': '请使用应用的 https URL；对本机上的应用，`ycp webhook listen --forward-to URL` 可为它提供公网 https 地址（纯 http 只适用于本地沙盒）',
  'input.webhookLocal': 'YCloud 无法访问 "{value}"：它在本机上',
  'input.webhookLocalHint': '`ycp webhook listen --forward-to URL` 可为本地应用提供公网 https 地址；本地 URL 只适用于本地沙盒（`ycp sandbox`）',
  'input.duration': '无效的时长 "{value}"',
  'input.durationHint': '请使用数字加单位，例如 30s、10m、1h30m',
  'input.durationArg': '请使用数字加单位，例如 30s、10m、1h30m。',
  'input.port': '请使用 0 到 65535 之间的端口号（0 表示自动选一个空闲端口）。',
  'input.seconds': '请使用整数秒数。',
  'input.scale': '请使用大于 0 的数，例如 10 表示加速十倍。',
  'input.choice': '可选值为 {choices}。',
  'input.profileName': '无效的配置档名称 "{name}"',
  'input.profileNameHint': '只能使用字母、数字、"-" 和 "_"',
  'input.unknownSetting': '未知的设置 "{name}"',
  'input.settingsList': '可用的设置：{names}',
  'input.stdinTooLarge': '标准输入的内容超过了 {limit}',
  'input.stdinTooLargeHint': '只通过管道传入所需的值（例如 API 密钥），不要传入整个文件',
};
