// Issue 10 §2, found on the built binary: in a 0×0 terminal (`script -qc …`, some `docker exec -t`, CI
// runners) `message send --wait` wrote megabytes of cursor escapes, never finished and ignored SIGINT and
// SIGTERM (ora divides by the terminal width). Here the binary runs under a real pseudo-terminal made by
// util-linux `script`, sized with `stty`, against a fake YCloud whose message never gets delivered.
// Ctrl-C is typed into the terminal (the line discipline turns ^C into SIGINT for the foreground job).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { BIN } from '../helpers/run-bin.js';
import { startFakeYcloud, type FakeYcloud } from '../helpers/fake-ycloud.js';
import { aMessage } from '../helpers/builders.js';
import { until } from '../helpers/until.js';

const KEY = 'e2e-key-0c9b8a7d6e5f4a3b';
const MSG = aMessage({ status: 'accepted' });
let api: FakeYcloud;
let dir = '';

beforeAll(async () => {
  api = await startFakeYcloud(
    {
      'POST /whatsapp/messages': () => ({ status: 200, body: MSG }),
      [`GET /whatsapp/messages/${MSG.id}`]: () => ({ status: 200, body: MSG }),
    },
    KEY,
  );
});
afterAll(() => api.close());

interface PtyRun {
  child: ChildProcess;
  /** Everything the terminal showed (stdout and stderr of ycp share the pty). */
  output(): string;
  bytes(): number;
  /** ycp's own pid (the shell execs it). */
  pid(): Promise<number>;
  exited: Promise<number | null>;
}

let running: PtyRun | undefined;
afterEach(async () => {
  if (running && running.child.exitCode === null) {
    try {
      process.kill(await running.pid(), 'SIGKILL');
    } catch {
      // already gone
    }
    running.child.kill('SIGKILL');
  }
  running = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function inPty(cols: number, rows: number, args: string[]): PtyRun {
  dir = mkdtempSync(join(tmpdir(), 'ycp-pty-'));
  const pidFile = join(dir, 'pid');
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `stty cols ${cols} rows ${rows}; echo $$ > ${pidFile}; exec '${process.execPath}' '${BIN}' ${quoted}`;
  const child = spawn('script', ['-qfec', script, '/dev/null'], {
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      TERM: 'xterm-256color',
      YCP_CONFIG_DIR: dir,
      YCLOUD_BASE_URL: api.baseUrl,
      YCLOUD_API_KEY: KEY,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let bytes = 0;
  child.stdout!.on('data', (c: Buffer) => {
    bytes += c.length;
    if (out.length < 1_000_000) out += c.toString('utf8');
  });
  child.stderr!.on('data', () => undefined);
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  const run: PtyRun = {
    child,
    output: () => out,
    bytes: () => bytes,
    async pid() {
      await until(() => existsSync(pidFile), 'the pid file of ycp in the terminal', { timeoutMs: 5_000 });
      return Number(readFileSync(pidFile, 'utf8'));
    },
    exited,
  };
  running = run;
  return run;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function within<T>(p: Promise<T>, ms: number): Promise<T | 'still running'> {
  return Promise.race([p, sleep(ms).then(() => 'still running' as const)]);
}
/** The last line shown, without terminal escapes and the terminal's echo of ^C. */
const lastLine = (out: string) =>
  out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\^C/g, '').trimEnd().split(/\r?\n/).at(-1)!.trim();
const SEND = ['message', 'send', '--from', '+15550001111', '--to', '+15550002222', '--text', 'hi', '--wait', '--timeout', '10m', '--interval', '500ms'];

describe('message send --wait in a pseudo-terminal', () => {
  test('0×0: no animation, and Ctrl-C exits 130 at once', async () => {
    const r = inPty(0, 0, SEND);
    await until(() => r.output().includes('waiting for delivered'), () => `the waiting line; terminal:\n${r.output()}`, { timeoutMs: 5_000 });
    expect(r.output()).toContain(`Message ${MSG.id} accepted; waiting for delivered`);
    // Kept on purpose: the window in which a spinner would have drawn (well past its 300 ms start delay,
    // and a couple of polls); the point is that nothing is written during it.
    await sleep(1_500);
    expect(r.bytes()).toBeLessThan(4_096);
    const t0 = Date.now();
    r.child.stdin!.write('\x03');
    expect(await within(r.exited, 10_000)).toBe(130);
    expect(Date.now() - t0).toBeLessThan(3_000); // ~30 ms here; it never came before
    expect(lastLine(r.output())).toBe('cancelled');
    expect(r.bytes()).toBeLessThan(4_096);
  });

  test('0×0: SIGTERM exits 143', async () => {
    const polls = () => api.requests.filter((q) => q.method === 'GET').length;
    const before = polls();
    const r = inPty(0, 0, SEND);
    await until(() => r.output().includes('waiting for delivered'), () => `the waiting line; terminal:\n${r.output()}`, { timeoutMs: 5_000 });
    // SIGTERM while the wait is polling, not during the send or start-up.
    await until(() => polls() > before, 'a status poll of the message', { timeoutMs: 5_000 });
    process.kill(await r.pid(), 'SIGTERM');
    expect(await within(r.exited, 5_000)).toBe(143);
  });

  test('a sized terminal animates, and Ctrl-C exits 130 with the cursor shown again', async () => {
    const r = inPty(100, 30, SEND);
    await until(() => r.output().includes(`Waiting for ${MSG.id} to be delivered`), () => `the spinner line; terminal:\n${r.output()}`, { timeoutMs: 5_000 });
    expect(r.output()).toContain(`Waiting for ${MSG.id} to be delivered`);
    r.child.stdin!.write('\x03');
    expect(await within(r.exited, 5_000)).toBe(130);
    const out = r.output();
    expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
    // The spinner's line is cleared (ESC[0K), then the error is written in its place.
    expect(lastLine(out.slice(out.lastIndexOf('\x1b[0K')))).toBe('cancelled');
  });
});
