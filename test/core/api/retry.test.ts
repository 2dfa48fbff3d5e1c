import { describe, expect, test } from 'vitest';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from '../../../src/core/api/retry.js';

describe('retry policy', () => {
  test('429 and 5xx retry; other statuses do not', () => {
    expect([429, 500, 502, 503].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409].some(isRetryableStatus)).toBe(false);
  });

  test('Retry-After in seconds or as an HTTP date wins, uncapped (the deadline decides)', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(backoffDelay(1, '3', now)).toBe(3_000);
    expect(backoffDelay(1, 'Thu, 26 Nov 2026 12:00:05 GMT', now)).toBe(5_000);
    expect(backoffDelay(1, '3600', now)).toBe(3_600_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  test('exponential backoff with jitter stays between half and the whole step', () => {
    for (const [attempt, step] of [[1, 500], [2, 1000], [3, 2000], [6, 8000]] as const) {
      expect(backoffDelay(attempt, undefined, 0, () => 0)).toBe(step / 2);
      expect(backoffDelay(attempt, undefined, 0, () => 1)).toBe(step);
    }
  });
});
