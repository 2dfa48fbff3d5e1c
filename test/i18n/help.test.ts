// The help of every command, in both languages, as `ycp <path> --help` prints it (the text the build
// precomputes for the launcher is this same rendering). Chinese help is checked word by word: the help
// catalog covers the whole tree, and no English is left but names, flags, codes, URLs and command lines.
import type { Command } from 'commander';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { SETTING_NAMES } from '../../src/core/settings.js';
import { helpZhCN } from '../../src/i18n/help/zh-CN.js';
import { settingOf } from '../../src/help/localize.js';
import { createTestCtx } from '../helpers/test-ctx.js';
import { asciiPunctuation, englishLeft, hasHan } from '../helpers/i18n.js';

/** Every command path of the tree, the root first. */
function paths(program: Command): { path: string[]; cmd: Command }[] {
  const out: { path: string[]; cmd: Command }[] = [];
  const walk = (cmd: Command, path: string[]) => {
    out.push({ path, cmd });
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return out;
}

async function helpOf(path: string[], lang: 'en' | 'zh-CN'): Promise<string> {
  const t = createTestCtx({ env: { YCP_LANG: lang } });
  try {
    expect(await t.run([...path, '--help'])).toBe(0);
    expect(t.stderr()).toBe('');
    return t.stdout();
  } finally {
    t.dispose();
  }
}

const tree = paths(buildProgram(createTestCtx().ctx));

/** The words of a help text: each item's term (a command, argument or flag name) is a name, not prose. */
const prose = (text: string) => text.replace(/^ {2}(?!\$ )\S.*?(?: {2,}|$)/gm, '  ');
const help: Record<'en' | 'zh-CN', Map<string, string>> = { en: new Map(), 'zh-CN': new Map() };

beforeAll(async () => {
  for (const lang of ['en', 'zh-CN'] as const) for (const { path } of tree) help[lang].set(path.join(' '), await helpOf(path, lang));
}, 60_000);

describe('help in both languages', () => {
  test('the help catalog covers the tree exactly: every command, argument and option, and nothing else', () => {
    const needed = new Set<string>();
    // A setting flag may have its own text or take its setting's (the catalog's `settings`).
    const optional = new Set<string>();
    for (const { path, cmd } of tree) {
      const here = path.length ? path.join(' ') : 'ycp';
      needed.add(here);
      for (const a of cmd.registeredArguments) needed.add(`${here} <${a.name()}>`);
      for (const o of cmd.options) (settingOf(o) ? optional : needed).add(`${here} ${o.long ?? o.short}`);
    }
    const missing = [...needed].filter((k) => !(k in helpZhCN.commands));
    const stale = Object.keys(helpZhCN.commands).filter((k) => !needed.has(k) && !optional.has(k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(Object.keys(helpZhCN.settings).sort()).toEqual([...SETTING_NAMES].sort());
  });

  test('Chinese help: no English left but names, flags, codes, URLs and command lines', () => {
    const left = [...help['zh-CN']].map(([path, text]) => [path || 'ycp', englishLeft(prose(text))] as const).filter(([, w]) => w.length);
    expect(Object.fromEntries(left)).toEqual({});
  });

  test('Chinese help uses Chinese punctuation', () => {
    const bad = [...help['zh-CN']].map(([path, text]) => [path || 'ycp', asciiPunctuation(text)] as const).filter(([, w]) => w.length);
    expect(Object.fromEntries(bad)).toEqual({});
  });

  test('English help has no Chinese in it', () => {
    expect([...help.en].filter(([, text]) => hasHan(text)).map(([p]) => p)).toEqual([]);
  });

  test('commander\'s own words are translated: headings, help option and command, defaults, choices', () => {
    const zh = help['zh-CN'].get('phone wait')!;
    for (const word of ['用法：', '参数：', '选项：', '全局选项：', '示例：', '显示帮助', '（默认：10m）', '可选值："PENDING"']) expect(zh).toContain(word);
    expect(help['zh-CN'].get('phone')!).toContain('显示某个命令的帮助');
    const root = help['zh-CN'].get('')!;
    for (const word of ['命令：', '环境变量：', '退出码：', 'YCP_LANG，其次 LANG', '  4    身份验证']) expect(root).toContain(word);
  });

  test('every help ends with 2–4 examples of that very command, and shows the global flags', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const [path, text] of help[lang]) {
        const [, tail = ''] = text.split(lang === 'en' ? '\nExamples:\n' : '\n示例：\n');
        const lines = tail.trimEnd().split('\n');
        expect(lines.length, `ycp ${path} --help (${lang})`).toBeGreaterThanOrEqual(2);
        expect(lines.length, `ycp ${path} --help (${lang})`).toBeLessThanOrEqual(4);
        // A real line of this command (the root's may run any).
        for (const l of lines) expect(l, `ycp ${path} --help (${lang})`).toMatch(new RegExp(`^  \\$ (?:[A-Z_]+=\\S+ )?(?:ls -l "\\$\\()?ycp (?:--\\S+ \\S+ )?${path}`));
        if (path) for (const flag of ['--json', '--yes', '--profile', '--verbose']) expect(text, `ycp ${path} --help (${lang})`).toContain(flag);
      }
    }
  });
});
