// The shipped `bin` (dist/ycp.js): scripts/build.mjs bundles this file as CommonJS, so what it answers costs
// no more than Node's own start (no ESM loader, no commander, no bundle):
// - an old Node gets a plain message instead of a syntax error;
// - `--version`;
// - plain help requests (`ycp`, `ycp <command…> --help`, `ycp help <command…>`), with the text that the
//   build generated from the real command tree (src/help/generate.ts, dist/help/<lang>.json).
// Everything else runs the bundle (dist/main.js, bin/ycp.ts), loaded with a code cache (bin/bundle-loader.ts).
import { lstatSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { helpKey, helpLang } from '../src/help/request.js';
import { configPathFor, isProfileName } from '../src/core/config-path.js';
import { loadBundle } from './bundle-loader.js';
import type { HelpFile } from '../src/help/generate.js';

declare const __YCP_VERSION__: string;
/** A hash of the bundle's files (scripts/build.mjs): names this build's code caches. */
declare const __YCP_BUILD__: string;

const argv = process.argv.slice(2);
const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`ycp needs Node.js 20.19 or newer; this is ${process.version}\n`);
  process.exitCode = 1;
} else if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  write(`${__YCP_VERSION__}\n`);
} else {
  // Most runs are not a help request: they start at once, with no promise in between.
  const key = helpKey(argv);
  if (key === undefined) void start();
  else {
    void precomputedHelp(key).then(
      (text) => (text === undefined ? start() : write(text)),
      () => start(), // any surprise (a missing file, a config we cannot read): the real CLI decides
    );
  }
}

/** Runs the real CLI: the bundle, loaded with its code cache (bin/bundle-loader.ts). */
async function start(): Promise<void> {
  try {
    const cacheDir = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : join((await import('env-paths')).default('ycp', { suffix: '' }).cache, 'v8');
    loadBundle({ main: join(__dirname, 'main.js'), cacheDir, build: __YCP_BUILD__ });
  } catch (err) {
    process.stderr.write(`ycp failed to start: ${(err as Error)?.stack ?? err}\n`);
    process.exitCode = 1;
  }
}

/** The generated help under `key` (helpKey), in the language argv, the environment or the profile asks for; undefined when there is none. */
async function precomputedHelp(key: string): Promise<string | undefined> {
  const env = process.env;
  const lang = await helpLang(argv, env, storedLang);
  const file = JSON.parse(readFileSync(join(__dirname, 'help', `${lang}.json`), 'utf8')) as HelpFile;
  const i = file.keys[key];
  return i === undefined ? undefined : file.texts[i];
}

/**
 * The profile's `lang`, asked for only when neither --lang nor YCP_LANG/LANG decides. The file is read as
 * the store reads it (a link or an invalid file is the real CLI's to report, so those throw and fall through).
 */
async function storedLang(): Promise<unknown> {
  const env = process.env;
  const profile = env.YCP_PROFILE?.trim() || 'default';
  if (!isProfileName(profile)) throw new Error('the real CLI reports a bad profile name');
  const path = await configPathFor(env);
  let st;
  try {
    st = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (!st.isFile()) throw new Error('not a regular file');
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') return undefined;
  const profiles = (JSON.parse(text) as { profiles?: Record<string, Record<string, unknown>> }).profiles;
  return profiles && Object.hasOwn(profiles, profile) ? profiles[profile]?.lang : undefined;
}

/** fs.writeSync: process.stdout would build a stream (and load tty or net) for one write. */
function write(text: string): void {
  let buf = Buffer.from(text);
  while (buf.length) {
    try {
      buf = buf.subarray(writeSync(1, buf));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe that is full: try again
      if (code === 'EPIPE') return; // the reader left (`ycp --help | head -1`)
      process.exitCode = 1; // stdout is gone; there is nowhere to say so
      return;
    }
  }
}
