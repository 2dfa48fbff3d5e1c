import { describe, expect, test } from 'vitest';
import { EXIT_CODE, YcpError, abortedBy, exitCodeFor, signalExitCode, toYcpError } from '../../src/core/errors.js';

describe('exit codes', () => {
  test('the kind alone picks the code (CLI.md §5)', () => {
    expect(EXIT_CODE).toEqual({ usage: 2, auth: 4, pending: 3, api: 1, network: 1, io: 1, cancelled: 130, internal: 1 });
    expect(exitCodeFor(new YcpError('pending', 'x'))).toBe(3);
    expect(exitCodeFor(new Error('boom'))).toBe(1);
  });

  test('a run aborted by a signal exits 128 + its number: SIGINT 130, SIGTERM 143, whatever the error', () => {
    const aborted = (signal?: string) => {
      const c = new AbortController();
      c.abort(Object.assign(new Error('received'), { name: 'AbortError', signal }));
      return c.signal;
    };
    expect(exitCodeFor(new YcpError('cancelled', 'x'), aborted('SIGINT'))).toBe(130);
    expect(exitCodeFor(new YcpError('cancelled', 'x'), aborted('SIGTERM'))).toBe(143);
    expect(exitCodeFor(new YcpError('network', 'x'), aborted('SIGTERM'))).toBe(143);
    expect(exitCodeFor(new YcpError('cancelled', 'x'), aborted())).toBe(130); // a prompt left, a test's abort
    expect(exitCodeFor(new YcpError('cancelled', 'x'))).toBe(130);
    expect(exitCodeFor(new YcpError('api', 'x'), new AbortController().signal)).toBe(1);
    expect(abortedBy(aborted('SIGTERM'))).toBe('SIGTERM');
    expect(signalExitCode('SIGTERM')).toBe(143);
  });

  test('abort errors become cancelled; anything else is an internal error', () => {
    expect(toYcpError(Object.assign(new Error('a'), { name: 'AbortError' })).kind).toBe('cancelled');
    expect(toYcpError(Object.assign(new Error('a'), { name: 'ExitPromptError' })).kind).toBe('cancelled');
    const e = toYcpError(new TypeError('x is undefined'));
    expect(e.kind).toBe('internal');
    expect(e.message).toBe('internal error: x is undefined');
  });
});
