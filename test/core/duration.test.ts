import { describe, expect, test } from 'vitest';
import { formatDuration } from '../../src/core/duration.js';
import { parseDuration } from '../../src/core/validate.js';
import { YcpError } from '../../src/core/errors.js';

describe('durations', () => {
  test.each([
    ['500ms', 500], ['30s', 30_000], ['10m', 600_000], ['1h30m', 5_400_000], ['2', 2_000], ['1.5s', 1_500], ['1d', 86_400_000],
  ])('%s = %i ms', (input, ms) => expect(parseDuration(input)).toBe(ms));

  test.each(['', 'abc', '10x', '5m-', 'm5', '-1s'])('"%s" is a usage error', (input) => {
    expect(() => parseDuration(input)).toThrow(YcpError);
    try {
      parseDuration(input);
    } catch (e) {
      expect((e as YcpError).kind).toBe('usage');
    }
  });

  test('formats for people', () => {
    expect(formatDuration(450)).toBe('450ms');
    expect(formatDuration(2_340)).toBe('2.3s');
    expect(formatDuration(95_000)).toBe('1m35s');
    expect(formatDuration(3_600_000)).toBe('1h');
  });
});
