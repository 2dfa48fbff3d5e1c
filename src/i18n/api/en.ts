// English messages of `ycp api`, `ycp balance` and of reading long lists (src/core/api). ./zh-CN.ts has
// exactly the same keys and {placeholders}.
export const apiEn = {
  'api.capReached': '{request} has {cap} items or more: YCloud pages stop at page 100, so the rest cannot be read',
  'api.capHintFilter': 'narrow the list with a filter (for example --waba, or -q filter.wabaId=… with `ycp api`)',
  'api.capHintNarrow': 'narrow the list further; this filter alone still reaches YCloud\'s 10,000-item limit',
} as const;
