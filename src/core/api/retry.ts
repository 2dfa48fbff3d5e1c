// CLI.md §7: only safe reads retry, on 429, 5xx and connection errors, honouring Retry-After. Every
// delay is checked against the deadline by the client: one that does not fit is not slept.
export const MAX_TRIES = 4;
const BASE_MS = 500;
const CAP_MS = 8_000;

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Delay before try number `attempt + 1` (attempt counts from 1). */
export function backoffDelay(attempt: number, retryAfter: string | undefined, now: number, random = Math.random): number {
  const fromHeader = parseRetryAfter(retryAfter, now);
  // Uncapped: a server asking for longer than the deadline allows makes the client fail at once.
  if (fromHeader !== undefined) return fromHeader;
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
  // "equal jitter": never less than half the step, so a burst of clients spreads out without hammering.
  return Math.round(exp / 2 + random() * (exp / 2));
}

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
