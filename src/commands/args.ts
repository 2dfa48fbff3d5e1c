// commander argument parsers and the setting-flag builder: one place, one rule each. A parser that throws
// InvalidArgumentError becomes commander's usage error (exit 2) naming the flag.
import { InvalidArgumentError, Option } from 'commander';
import { YcpError } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';
import { envNote, SETTINGS, type Setting, type SettingName } from '../core/settings.js';

/** Durations such as 30s, 10m, 1h30m. */
export function durationArg(value: string): number {
  try {
    return parseDuration(value);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof YcpError ? err.message : String(err));
  }
}

/** A local TCP port; 0 lets the system pick a free one. */
export function portArg(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) throw new InvalidArgumentError('must be a port number from 0 to 65535 (0 picks a free one)');
  return Number(value);
}

/** A whole number of seconds (signature tolerance, Unix times). */
export function secondsArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of seconds');
  return Number(value);
}

/** A speed-up factor above 0 (the sandbox's --time-scale). */
export function scaleArg(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1_000_000) throw new InvalidArgumentError('must be a number above 0, e.g. 10 for ten times faster');
  return n;
}

/** Collects a repeatable option into an array. */
export function collectArg(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * A setting's flag, built from its SETTINGS row: the flag, its placeholder and the "(env: …)" note come
 * from the table, so they cannot drift. The value reaches resolveSettings through ctx.flags, where the
 * row's check runs (in the user's language). `help` replaces the row's description where a command
 * says more (`--app-id <id>  your Meta app ID (step 3)`).
 */
export function settingOption(name: SettingName, help?: string): Option {
  const s: Setting = SETTINGS[name];
  if (!s.flag) throw new Error(`setting ${name} has no flag`);
  return new Option(`${s.flag} <${s.arg ?? 'value'}>`, `${help ?? s.description}${envNote(name)}`);
}
