// The test twin of src/system-ctx.ts (ARCHITECTURE §2): string streams, MockAgent, fake clock,
// scripted prompter, recording spawner, conf in a fresh temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { MockAgent, type Interceptable } from 'undici';
import { expect } from 'vitest';
import { assembleCtx, type Ctx, type Prompter, type PromptBase } from '../../src/core/context.js';
import { openConfStore } from '../../src/core/store.js';
import { createExecaSpawner, type Spawner } from '../../src/core/process/spawn.js';
import { createIo } from '../../src/ui/io.js';
import { cannotPrompt } from '../../src/ui/prompt.js';
import { YcpError } from '../../src/core/errors.js';
import { run } from '../../src/cli.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { createMockApi, type MockApi } from './mock-api.js';

export const TEST_KEY = 'test-key-3f9a7c1e5d2b8a64';
export const DEFAULT_BASE = 'https://api.ycloud.com/v2';

export interface TestCtxOptions {
  stdinTTY?: boolean;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  /** Environment; YCP_CONFIG_DIR (a temp dir) and YCLOUD_API_KEY (TEST_KEY) are added unless given. */
  env?: Record<string, string | undefined>;
  /** Answers keyed by the flag each prompt names, e.g. { '--yes': true }. Arrays answer in turn. */
  answers?: Record<string, unknown>;
  /** Text on stdin (for `login --with-key`). */
  stdin?: string;
  /** Profile values stored before the run. */
  profile?: Record<string, unknown>;
  /** Secrets that must never appear in output; the API key, and every key sent to the API, always are. */
  secrets?: string[];
  noKey?: boolean;
  /** Keep colour (off by default so expected text stays plain). */
  color?: boolean;
  /** The clock (default: a fake one at T0 that jumps on sleep). */
  clock?: FakeClock;
}

export interface TestCtx {
  ctx: Ctx;
  run(argv: string[]): Promise<number>;
  stdout(): string;
  stderr(): string;
  agent: MockAgent;
  /** MockPool for the YCloud origin. */
  pool: Interceptable;
  /** Spec-checked stubs for the YCloud API. */
  api: MockApi;
  clock: FakeClock;
  configDir: string;
  spawned: { command: string; args: string[] }[];
  opened: string[];
  questions: string[];
  abort(): void;
  /** Every stub used, every request and response valid, no secret printed (nor any key the API was sent). */
  verify(): void;
  dispose(): void;
}

export function createTestCtx(o: TestCtxOptions = {}): TestCtx {
  const ownDir = o.env?.YCP_CONFIG_DIR === undefined;
  const configDir = o.env?.YCP_CONFIG_DIR ?? mkdtempSync(join(tmpdir(), 'ycp-test-'));
  const env: Record<string, string | undefined> = {
    YCP_CONFIG_DIR: configDir,
    PATH: process.env.PATH,
    ...(o.color ? {} : { NO_COLOR: '1' }),
    ...(o.noKey ? {} : { YCLOUD_API_KEY: TEST_KEY }),
    ...o.env,
  };
  const out = new PassThrough();
  const err = new PassThrough();
  let stdoutText = '';
  let stderrText = '';
  out.on('data', (c) => (stdoutText += c));
  err.on('data', (c) => (stderrText += c));
  const stdin = o.stdin !== undefined ? Readable.from([Buffer.from(o.stdin)]) : Readable.from([]);
  const io = createIo(
    { stdin, stdout: out, stderr: err, stdinTTY: Boolean(o.stdinTTY), stdoutTTY: Boolean(o.stdoutTTY), stderrTTY: Boolean(o.stderrTTY) },
    env,
  );
  const clock = o.clock ?? createFakeClock();
  const agent = new MockAgent();
  agent.disableNetConnect();
  const baseUrl = new URL(env.YCLOUD_BASE_URL ?? DEFAULT_BASE);
  const pool = agent.get(baseUrl.origin);
  const api = createMockApi(pool, baseUrl.pathname.replace(/\/$/, ''));
  const questions: string[] = [];
  const prompt = scriptedPrompter(o.answers ?? {}, io.canPrompt, questions);
  const spawned: { command: string; args: string[] }[] = [];
  const opened: string[] = [];
  const real = createExecaSpawner();
  const spawn: Spawner = {
    which: real.which,
    async start(command, args, opts) {
      spawned.push({ command, args });
      return real.start(command, args, opts);
    },
    async openUrl(url) {
      opened.push(url);
    },
  };
  const controller = new AbortController();
  let store: ReturnType<typeof openConfStore> | undefined;
  // Opened lazily, like the real one, so a broken config file fails the command, not the test set-up.
  const openStore = () =>
    (store ??= openConfStore(env).then(async (s) => {
      for (const [k, v] of Object.entries(o.profile ?? {})) await s.set('default', k, v);
      return s;
    }));
  const { ctx, cleanup } = assembleCtx({
    io,
    env,
    clock,
    prompt,
    spawn,
    signal: controller.signal,
    openStore,
    dispatcher: async () => agent,
  });
  const secrets = [...(o.secrets ?? []), ...(env.YCLOUD_API_KEY ? [env.YCLOUD_API_KEY] : [])];
  const t: TestCtx = {
    ctx,
    async run(argv) {
      if (o.profile) await openStore();
      try {
        return await run(argv, ctx);
      } finally {
        await cleanup();
      }
    },
    stdout: () => stdoutText,
    stderr: () => stderrText,
    agent,
    pool,
    api,
    clock,
    configDir,
    spawned,
    opened,
    questions,
    abort: () => controller.abort(Object.assign(new Error('SIGINT'), { name: 'AbortError' })),
    verify() {
      api.assertNoViolations();
      agent.assertNoPendingInterceptors();
      // A key sent to the API is a secret even when a test did not name it: the server may echo it back.
      const sent = api.requests.map((r) => r.headers['x-api-key']).filter((k): k is string => Boolean(k));
      expectNoSecrets(stdoutText + stderrText, [...secrets, ...sent]);
    },
    dispose() {
      if (ownDir) rmSync(configDir, { recursive: true, force: true });
      void agent.close();
    },
  };
  return t;
}

/**
 * The shared leak check: no secret (nor a long piece of it) appears in the text, as written, inside a
 * JSON string or percent-encoded. Pair it with a server that echoes the key (`anEchoingError`): the
 * secrets must stay out of the output even when YCloud itself sends them back.
 */
export function expectNoSecrets(text: string, secrets: string[]): void {
  for (const s of secrets) {
    if (!s || s.length < 8) continue;
    for (const form of new Set([s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)])) {
      expect(text, 'a secret leaked into the output').not.toContain(form);
    }
    // a 10+ character slice of the middle would also be a leak, even when masked at the ends
    expect(text, 'a piece of a secret leaked into the output').not.toContain(s.slice(3, -3));
  }
}

function scriptedPrompter(answers: Record<string, unknown>, canPrompt: boolean, asked: string[]): Prompter {
  const next = (q: PromptBase): unknown => {
    if (!canPrompt) throw cannotPrompt(q);
    asked.push(q.flag);
    if (!(q.flag in answers)) throw new Error(`unscripted prompt for ${q.flag}: "${q.message}"`);
    const a = answers[q.flag];
    if (Array.isArray(a)) {
      if (!a.length) throw new Error(`no answers left for ${q.flag}`);
      return a.shift();
    }
    if (a instanceof YcpError) throw a;
    return a;
  };
  const checked = <T>(q: PromptBase & { validate?: (v: string) => string | true }, v: T): T => {
    if (q.validate && typeof v === 'string') {
      const r = q.validate(v);
      if (r !== true) throw new Error(`scripted answer for ${q.flag} rejected: ${r}`);
    }
    return v;
  };
  return {
    input: async (q) => checked(q, String(next(q))),
    password: async (q) => checked(q, String(next(q))),
    confirm: async (q) => Boolean(next(q)),
    select: async (q) => next(q) as never,
  };
}
