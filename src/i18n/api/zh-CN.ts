// `ycp api`、`ycp balance` 与长列表读取（src/core/api）的简体中文消息，键与 ./en.ts 完全一致。
import type { apiEn } from './en.js';

export const apiZhCN: Record<keyof typeof apiEn, string> = {
  'api.capReached': '{request} 有 {cap} 条或更多：YCloud 的分页到第 100 页为止，其余的读不到',
  'api.capHintFilter': '用筛选条件缩小列表（例如 --waba，或在 `ycp api` 中用 -q filter.wabaId=…）',
  'api.capHintNarrow': '请进一步缩小列表：仅这个筛选条件仍达到 YCloud 的 10,000 条上限',
};
