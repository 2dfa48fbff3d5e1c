// The Chinese help of the issue-13 commands (src/i18n/help-issue13/zh-CN.ts) stays in step with the
// command tree: every command and option it names exists, every description of those commands has
// its Chinese, and the Chinese uses Chinese punctuation.
import type { Command } from 'commander';
import { expect, test } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { helpIssue13ZhCN } from '../../src/i18n/help-issue13/zh-CN.js';
import { createTestCtx } from '../helpers/test-ctx.js';

const OURS = ['api', 'balance', 'open', 'template create', 'template get', 'template edit', 'template delete', 'template wait', 'template check', 'phone profile', 'phone display-name'];

function described(): Map<string, string> {
  const t = createTestCtx();
  const out = new Map<string, string>();
  const walk = (c: Command, path: string[]) => {
    for (const s of c.commands) {
      const key = [...path, s.name()].join(' ');
      if (OURS.some((o) => key === o || key.startsWith(`${o} `))) {
        out.set(key, s.description());
        for (const a of s.registeredArguments) out.set(`${key} ${a.required ? `<${a.name()}>` : `[${a.name()}${a.variadic ? '...' : ''}]`}`, a.description);
        for (const o of s.options) out.set(`${key} ${o.long}`, o.description);
      }
      walk(s, [...path, s.name()]);
    }
  };
  walk(buildProgram(t.ctx), []);
  t.dispose();
  return out;
}

test('every key names a command, argument or option of the tree, and every description has its Chinese', () => {
  const tree = described();
  expect(Object.keys(helpIssue13ZhCN).filter((k) => !tree.has(k))).toEqual([]);
  expect([...tree].filter(([k, d]) => d && !(k in helpIssue13ZhCN)).map(([k]) => k)).toEqual([]);
});

test('the Chinese is Chinese, with Chinese punctuation between Chinese words', () => {
  for (const [k, v] of Object.entries(helpIssue13ZhCN)) {
    if (/^(WABA ID)$/.test(v)) continue; // a name
    expect(v, k).toMatch(/[\u4e00-\u9fff]/);
    expect(v, k).not.toMatch(/[\u4e00-\u9fff][;:,()]|[;:,()][\u4e00-\u9fff]/);
  }
});
