import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { colors, loadColors, mask } from '../../src/ui/format.js';
import { createIo } from '../../src/ui/io.js';

const io = (env: Record<string, string>, tty = true) =>
  createIo({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), stdinTTY: tty, stdoutTTY: tty, stderrTTY: tty }, env);

describe('colour', () => {
  test('a TTY gets ANSI colour once chalk is loaded', async () => {
    const i = io({});
    await loadColors(i);
    expect(colors(i).err.red('x')).toBe('\u001b[31mx\u001b[39m');
  });

  test.each([
    ['NO_COLOR', { NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, true],
    ['not a TTY', {}, false],
  ])('%s: plain text, and chained styles still return the text', async (_name, env, tty) => {
    const i = io(env, tty);
    await loadColors(i);
    const c = colors(i);
    expect(c.out.bold.red('x')).toBe('x');
    expect(c.err.dim('hint:')).toBe('hint:');
    expect(c.out.level).toBe(0);
  });

  test('FORCE_COLOR colours piped output', async () => {
    const i = io({ FORCE_COLOR: '1' }, false);
    await loadColors(i);
    expect(colors(i).out.green('ok')).toBe('\u001b[32mok\u001b[39m');
  });
});

describe('mask', () => {
  test('shows at most the first and last 3 characters of a secret', () => {
    expect(mask('abcdefghijklmnop')).toBe('abc…nop');
    expect(mask('whsec_abc4147651944f02baf3be1eb45d33f1')).toBe('whsec_abc…3f1');
    expect(mask('short')).toBe('•••••');
    expect(mask(undefined)).toBe('');
  });
});
