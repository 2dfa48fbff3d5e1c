import { isPidAlive } from '../../src/core/process/pid.js';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { until } from './until.js';

export const FAKE_BIN = join(import.meta.dirname, '..', 'fixtures', 'bin');
/** PATH with the fake cloudflared first (node itself must stay reachable for its shebang). */
export const PATH_WITH_FAKE = [FAKE_BIN, process.env.PATH].join(delimiter);
/** A PATH where no cloudflared can be found, but node still can. */
export const PATH_WITHOUT = [mkdtempSync(join(tmpdir(), 'ycp-empty-')), join(process.execPath, '..')].join(delimiter);

export function pidFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'ycp-cf-')), 'pid');
}

export async function readPid(file: string): Promise<number> {
  await until(() => existsSync(file), `the pid file ${file}`, { timeoutMs: 4_000 });
  return Number(readFileSync(file, 'utf8'));
}

/** Liveness of a pid, as `webhook clean` tests it. */
export const alive = isPidAlive;
