// The config file on disk (issue 10 §4). Several ycp processes may write it at once (a script running
// `config set` in parallel, `webhook listen` recording its endpoint while `init` saves progress), so a
// write takes a lock file, re-reads the file, applies only its own change, writes a temporary file
// (mode 0600) and renames it over the old one, then releases the lock. A lock left by a process that
// died is recovered. The file is never read or written through a symbolic link.
import { constants, lstatSync, openSync, readFileSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { YcpError } from './errors.js';
import { isPidAlive } from './process/pid.js';
import { msg, type Msg, type MsgKey } from '../i18n/index.js';

// Loaded by the first write: reading the config is synchronous, and node:fs/promises (with the streams and
// readline it brings) would cost every command ~1.5 ms at start (issue 14).
let fsp: typeof import('node:fs/promises');

/** A lock older than this is stale whoever holds it: a write holds it for milliseconds. */
export const LOCK_STALE_MS = 10_000;
/** How long a writer waits for a live lock before it gives up (exit 1, naming the lock file). */
export const LOCK_WAIT_MS = 15_000;

export type ConfigData = Record<string, unknown>;

/** Unique enough for temp-file and lock names (not a secret; node:crypto would cost start-up time). */
const nonce = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/**
 * The file's text, or undefined when it does not exist. A symbolic link is refused (a link could make
 * ycp write the API key through it, or chmod its target); so is anything but a regular file.
 */
export function readConfigText(path: string): string | undefined {
  let fd: number;
  try {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) throw symlinkError(path);
    if (!st.isFile()) throw new YcpError('io', msg('sys.notAFile', { path }), { hint: msg('sys.notAFileHint', { path }) });
    // O_NOFOLLOW: a link swapped in after the check is refused too (0 where the platform lacks it).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    if (err instanceof YcpError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw symlinkError(path);
    throw ioError('read', path, err);
  }
  try {
    return readFileSync(fd, 'utf8');
  } catch (err) {
    throw ioError('read', path, err);
  } finally {
    closeSync(fd);
  }
}

/** Parses the file's text. A syntax error names the file and the line and column, never the contents. */
export function parseConfigText(text: string, path: string): ConfigData {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    // V8's message quotes the text around the error (it may be the API key): only the position is shown.
    const { line, column } = lineColumn(text, jsonErrorOffset(text));
    throw invalid(path, msg('sys.invalidJson', { path, line, column }), err);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid(path, msg('sys.notAnObject', { path }));
  return parsed as ConfigData;
}

/** Under the lock: re-reads the file, applies `change` to what is there now, writes it atomically. */
export async function updateConfigFile(path: string, change: (current: ConfigData) => ConfigData): Promise<ConfigData> {
  fsp ??= await import('node:fs/promises');
  const dir = dirname(path);
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 }).catch((err) => {
    throw ioError('write', path, err, dir);
  });
  const release = await acquireLock(path);
  try {
    const next = change(parseConfigText(readConfigText(path) ?? '', path));
    await writeWithConf(path, next);
    return next;
  } finally {
    await release();
  }
}

/**
 * The write itself is conf's (ARCHITECTURE §6: conf owns the file format, the 0600 mode and the atomic
 * temp-file-and-rename); what conf lacks, the lock and the re-read, is done around it. conf and its
 * validator load only here, so commands that only read never pay for them.
 */
async function writeWithConf(path: string, next: ConfigData): Promise<void> {
  try {
    const { default: Conf } = await import('conf');
    const c = new Conf<ConfigData>({
      projectName: 'ycp',
      projectSuffix: '',
      cwd: dirname(path),
      configName: 'config',
      // The file holds the API key: owner-only. conf's own default is 0o666.
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
    });
    c.store = next;
    await fsp.chmod(path, 0o600); // whatever the umask was when the temp file was made
  } catch (err) {
    throw ioError('write', path, err, dirname(path));
  }
}

interface LockOwner {
  pid: number;
  host: string;
  nonce: string;
}

async function acquireLock(path: string): Promise<() => Promise<void>> {
  const lock = `${path}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), nonce: nonce() };
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fh = await fsp.open(lock, 'wx', 0o600);
      await fh.writeFile(JSON.stringify(me)).finally(() => fh.close());
      // Released only if still ours: a lock broken as stale (this process was stopped for 10 s) now
      // belongs to someone else.
      return async () => {
        if ((await readLock(lock))?.nonce === me.nonce) await fsp.unlink(lock).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError('write', path, err, dirname(path));
    }
    const held = await readLock(lock);
    if (await isStale(lock, held)) {
      await breakLock(lock, held);
      continue;
    }
    if (Date.now() > deadline) {
      const message = held ? msg('sys.locked', { path, pid: held.pid, host: held.host }) : msg('sys.lockedUnknown', { path });
      throw new YcpError('io', message, { hint: msg('sys.lockedHint', { lock }) });
    }
    await sleep(5 + Math.random() * 20);
  }
}

async function readLock(lock: string): Promise<LockOwner | undefined> {
  try {
    const o = JSON.parse(await fsp.readFile(lock, 'utf8')) as LockOwner;
    return typeof o?.pid === 'number' && typeof o.nonce === 'string' ? o : undefined;
  } catch {
    return undefined; // gone, or being written this instant (judged by its age below)
  }
}

async function isStale(lock: string, held: LockOwner | undefined): Promise<boolean> {
  if (held && held.host === hostname() && !isPidAlive(held.pid)) return true;
  const st = await fsp.stat(lock).catch(() => undefined);
  return st !== undefined && Date.now() - st.mtimeMs > LOCK_STALE_MS;
}

/**
 * Moves the stale lock aside rather than deleting it: of two processes breaking it at once, only one
 * rename succeeds. If what was moved turns out to be a fresh lock (taken between our read and our
 * rename), it is put back.
 */
async function breakLock(lock: string, judged: LockOwner | undefined): Promise<void> {
  const aside = `${lock}.${process.pid}.${nonce()}.stale`;
  try {
    await fsp.rename(lock, aside);
  } catch {
    return; // someone else broke it (or it was released): try again
  }
  const moved = await readLock(aside);
  if (moved && moved.nonce !== judged?.nonce) await fsp.link(aside, lock).catch(() => undefined);
  await fsp.unlink(aside).catch(() => undefined);
}

function symlinkError(path: string): YcpError {
  return new YcpError('io', msg('sys.symlink', { path }), { hint: msg('sys.symlinkHint') });
}

function invalid(path: string, why: Msg, cause?: unknown): YcpError {
  return new YcpError('usage', why, { hint: msg('sys.invalidHint', { path }), cause });
}

const REASONS: Record<string, MsgKey> = {
  EACCES: 'sys.EACCES',
  EPERM: 'sys.EACCES',
  EROFS: 'sys.EROFS',
  ENOSPC: 'sys.ENOSPC',
  EDQUOT: 'sys.EDQUOT',
  ENOTDIR: 'sys.ENOTDIR',
  EISDIR: 'sys.EISDIR',
};

/** An I/O failure: exit 1 naming the file, what was refused and where, never "a bug in ycp". */
function ioError(op: 'read' | 'write', path: string, err: unknown, where?: string): YcpError {
  const code = (err as NodeJS.ErrnoException).code;
  const known = code ? REASONS[code] : undefined;
  const said = known ? msg(known) : (err as Error).message;
  const reason = where && (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') ? msg('sys.reasonOn', { reason: said, where }) : said;
  const dir = where ?? dirname(path);
  const key = op === 'read' ? (code ? 'sys.cannotReadCode' : 'sys.cannotRead') : code ? 'sys.cannotWriteCode' : 'sys.cannotWrite';
  return new YcpError('io', msg(key, { path, reason, code: code ?? '' }), { hint: msg('sys.ioHint', { dir }), cause: err });
}

/** Offset of the first JSON syntax error in `text` (the same grammar as JSON.parse). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (at = i): never => {
    throw new JsonStop(at);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const str = () => {
    i++; // the opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') fail();
      if (c === '"') return void i++;
      if (c !== '\\') {
        i++;
        continue;
      }
      const e = text[++i];
      if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else if (e === 'u') {
        for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k);
        i += 5;
      } else fail();
    }
  };
  const NUM = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const value = (depth: number): void => {
    if (depth > 512) fail();
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          str();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (m && m[0] !== '-') {
      i += m[0].length;
      return;
    }
    for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) return void (i += lit.length);
    fail();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (err) {
    if (err instanceof JsonStop) return err.at;
    throw err;
  }
}

class JsonStop {
  constructor(readonly at: number) {}
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
