// The catalog areas of issue 13 (api, templates, phone, links, webhook): Chinese punctuation between
// Chinese words, and every Chinese message really Chinese (names, codes and commands aside).
import { expect, test } from 'vitest';
import { apiZhCN } from '../../src/i18n/api/zh-CN.js';
import { linksZhCN } from '../../src/i18n/links/zh-CN.js';
import { phoneZhCN } from '../../src/i18n/phone/zh-CN.js';
import { templatesZhCN } from '../../src/i18n/templates/zh-CN.js';
import { webhookZhCN } from '../../src/i18n/webhook/zh-CN.js';

const all = { ...apiZhCN, ...linksZhCN, ...phoneZhCN, ...templatesZhCN, ...webhookZhCN };
/** Messages that are names or punctuation only, the same in both languages on purpose. */
const NOT_CHINESE = new Set(['tpl.f.waba', 'tpl.sep', 'ph.sep', 'api.issue']);

test('no ASCII ; : , ( ) next to a Chinese character', () => {
  expect(Object.entries(all).filter(([, v]) => /[\u4e00-\u9fff][;:,()]|[;:,()][\u4e00-\u9fff]/.test(v))).toEqual([]);
});

test('every message but a few names has Chinese in it', () => {
  expect(Object.entries(all).filter(([k, v]) => !NOT_CHINESE.has(k) && !/[\u4e00-\u9fff]/.test(v)).map(([k]) => k)).toEqual([]);
});
