// The prompter draws @inquirer's prompts; what inquirer itself says (the answer a confirm echoes, the key help
// under a select) is in the run's language. Driven here through plain streams, as a terminal would.
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createIo, useLang } from '../../src/ui/io.js';
import { createInquirerPrompter } from '../../src/ui/prompt.js';
import { loadLang } from '../../src/i18n/index.js';
import { until } from '../helpers/until.js';

function terminal(lang: 'en' | 'zh-CN') {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const stderr = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 });
  let shown = '';
  stderr.on('data', (c) => (shown += c));
  const io = createIo({ stdin, stdout: new PassThrough(), stderr, stdinTTY: true, stdoutTTY: true, stderrTTY: true }, { NO_COLOR: '1' });
  useLang(io, lang);
  return { io, stdin, shown: () => shown };
}

describe('prompts in the chosen language', () => {
  test.each([
    ['en', 'Yes'],
    ['zh-CN', '是'],
  ] as const)('%s: a confirm echoes the answer as "%s"', async (lang, echo) => {
    await loadLang(lang);
    const term = terminal(lang);
    const answer = createInquirerPrompter(term.io, new AbortController().signal).confirm({ message: 'Go?', flag: '--yes', default: false });
    await until(() => term.shown().includes('Go?'), 'the question on screen');
    term.stdin.write('y\r');
    expect(await answer).toBe(true);
    // inquirer colours on its own: compare the text without its escapes.
    await until(() => term.shown().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').includes(`✔ Go? ${echo}`), `the answer echoed as ${echo}`);
  });

  test('zh-CN: a select\'s key help is Chinese', async () => {
    await loadLang('zh-CN');
    const term = terminal('zh-CN');
    const answer = createInquirerPrompter(term.io, new AbortController().signal).select({ message: 'Pick', flag: '--x', choices: [{ name: 'a', value: 'a' }, { name: 'b', value: 'b' }] });
    await until(() => term.shown().includes('↑↓ 移动 • ⏎ 选择'), 'the key help in Chinese');
    term.stdin.write('\r');
    expect(await answer).toBe('a');
  });
});
