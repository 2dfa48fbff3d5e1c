import { describe, expect, test } from 'vitest';
import { EXIT_CODE, YcpError, exitCodeFor, toYcpError } from './errors.js';

describe('exit codes', () => {
  test('the kind alone picks the code (CLI.md §5)', () => {
    expect(EXIT_CODE).toEqual({ usage: 2, auth: 4, pending: 3, api: 1, network: 1, io: 1, cancelled: 130, internal: 1 });
    expect(exitCodeFor(new YcpError('pending', 'x'))).toBe(3);
    expect(exitCodeFor(new Error('boom'))).toBe(1);
  });

  test('abort errors become cancelled; anything else is an internal error', () => {
    expect(toYcpError(Object.assign(new Error('a'), { name: 'AbortError' })).kind).toBe('cancelled');
    expect(toYcpError(Object.assign(new Error('a'), { name: 'ExitPromptError' })).kind).toBe('cancelled');
    const e = toYcpError(new TypeError('x is undefined'));
    expect(e.kind).toBe('internal');
    expect(e.message).toBe('internal error: x is undefined');
  });
});
