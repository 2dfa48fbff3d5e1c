import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { t } from '../../src/i18n/index.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  test('en and zh-CN have the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  test('every message has the same {placeholders} in both languages', () => {
    const diff = Object.keys(en).filter(
      (k) => JSON.stringify(placeholders(en[k as keyof typeof en])) !== JSON.stringify(placeholders(zhCN[k as keyof typeof en])),
    );
    expect(diff).toEqual([]);
  });

  test('no message is empty and the Chinese catalog is really translated', () => {
    expect(Object.entries(zhCN).filter(([, v]) => v.trim() === '')).toEqual([]);
    const same = Object.keys(en).filter((k) => en[k as keyof typeof en] === zhCN[k as keyof typeof en] && /[a-z]{4,}/.test(en[k as keyof typeof en]));
    // Only messages made of names Meta shows in English (dashboard paths, IDs) may stay identical.
    expect(same.sort()).toEqual(['dr.configModeFix', 'dr.nodeOk', 'ev.configId', 'ev.number', 'ev.solutionId'].sort());
  });

  test('t() fills placeholders, falls back to English, keeps unknown placeholders visible', () => {
    expect(t('en', 'ui.heading', { n: 4, title: 'X' })).toBe('Step 4 of 9: X');
    expect(t('zh-CN', 'ui.heading', { n: 4, title: 'X' })).toBe('第 4/9 步：X');
    expect(t('fr', 'state.done')).toBe('done');
    expect(t('en', 'ui.heading', { n: 4 })).toBe('Step 4 of 9: {title}');
  });
});
