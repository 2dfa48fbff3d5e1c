// Builds dist/: the launcher (ycp.js, bin/launcher.ts), the bundle of bin/ycp.ts split so that lazily
// imported commands and packages become their own chunks (main.js, chunks/), and the help the launcher
// prints (help/<lang>.json).
import { build, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { readFileSync, rmSync, chmodSync, writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';

// commander requires node:child_process at load time (and with it net, dgram, …) only to run
// executable subcommands, which ycp never uses. Load it on first use instead: every run pays less.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      const from = "const childProcess = require('node:child_process');";
      if (!src.includes(from)) throw new Error('commander changed: update the lazy-child-process plugin');
      const to = "let __cp; const childProcess = new Proxy({}, { get: (_, k) => (__cp ??= require('node:child_process'))[k] });";
      return { contents: src.replace(from, to), loader: 'js' };
    });
  },
};

// undici's client requires its HTTP/2 half (and with it node:http2, tls, crypto) at load time, though it
// is only used when a server negotiates h2 with allowH2, which ycp never sets. Load it on first use.
const lazyUndiciH2 = {
  name: 'lazy-undici-h2',
  setup(b) {
    b.onLoad({ filter: /undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      const from = "const connectH2 = require('./client-h2.js')";
      if (!src.includes(from)) throw new Error('undici changed: update the lazy-undici-h2 plugin');
      return { contents: src.replace(from, "const connectH2 = (...a) => require('./client-h2.js')(...a)"), loader: 'js' };
    });
  },
};

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/** What every esbuild call here shares (builds and transforms). */
const BASE = { platform: 'node', target: 'node20.19', logLevel: 'warning' };
const VERSION = { __YCP_VERSION__: JSON.stringify(pkg.version) };
// Optional native package: loaded at run time only when the ngrok tunnel is used.
const EXTERNAL = ['@ngrok/ngrok', 'playwright-core', 'fsevents'];

/** dist/main.js and dist/chunks/ (the bundle), then the launcher dist/ycp.js, which names the build. */
async function buildBundleAndLauncher() {
  // The bundle is split by esbuild (ESM is the only format it splits), then every file is turned into
  // CommonJS: on Node 20 the ESM loader alone costs ~9 ms to start and ~0.6 ms per file (issue 14: a one-shot
  // command loads ~25 files). The files require each other by relative path, lazily imported ones inside a
  // promise, so every module still exists once; the launcher loads them (bin/bundle-loader.ts), and plain
  // `node dist/main.js` works too.
  const { outputFiles } = await build({
    ...BASE,
    entryPoints: { main: 'bin/ycp.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: false,
    legalComments: 'none',
    // Less to parse on every start; names are kept, so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    // import.meta.url (templates.ts, bundled packages) becomes the chunk's own file URL, computed on use.
    define: { ...VERSION, 'import.meta.url': '__ycpImportMeta.url' },
    external: EXTERNAL,
    plugins: [lazyChildProcess, lazyUndiciH2],
    write: false,
  });
  // Each file is transformed on its own, so all at once; the build ID still hashes them in esbuild's order.
  const transformed = await Promise.all(outputFiles.map(async (file) => {
    const { code, warnings } = await transform(file.text, {
      ...BASE,
      format: 'cjs',
      // import() of a chunk or a built-in becomes require() inside a promise: still loaded on first use.
      supported: { 'dynamic-import': false },
      minifyWhitespace: true,
      banner: '"use strict";var __ycpImportMeta={get url(){return require("node:url").pathToFileURL(__filename).href}};',
    });
    if (warnings.length || /\bimport\.meta\b/.test(code)) throw new Error(`${file.path}: not plain CommonJS after the transform`);
    return { path: file.path, code };
  }));
  const buildId = createHash('sha256');
  for (const { path, code } of transformed) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, code);
    buildId.update(relative('dist', path)).update(code);
  }

  // The `bin` is a small CommonJS launcher (bin/launcher.ts): `ycp --version` and plain help requests are
  // answered without commander or the bundle; an old Node gets a plain message instead of a syntax error;
  // everything else runs the bundle through bin/bundle-loader.ts (no resolution, a code cache).
  await build({
    ...BASE,
    entryPoints: ['bin/launcher.ts'],
    bundle: true,
    format: 'cjs',
    outfile: 'dist/ycp.js',
    banner: { js: '#!/usr/bin/env node\n// Generated by scripts/build.mjs from bin/launcher.ts: a launcher for main.js (the bundle of bin/ycp.ts).' },
    // The build names the code caches of the bundle's files (bin/bundle-loader.ts).
    define: { ...VERSION, __YCP_BUILD__: JSON.stringify(`${pkg.version}-${buildId.digest('hex').slice(0, 12)}`) },
    legalComments: 'none',
  });
  chmodSync(new URL('../dist/ycp.js', import.meta.url), 0o755);
  // Everything in dist/ is CommonJS.
  writeFileSync(new URL('../dist/package.json', import.meta.url), '{ "type": "commonjs" }\n');
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// The help the launcher prints: generated from the real command tree, once per language, by running the
// program builder (src/help/generate.ts, bundled on its own into a temporary directory). That bundle needs
// nothing from dist/, so it is built while the main one is.
const tmp = mkdtempSync(join(tmpdir(), 'ycp-help-'));
try {
  await Promise.all([
    buildBundleAndLauncher(),
    build({
      ...BASE,
      entryPoints: ['src/help/generate.ts'],
      bundle: true,
      format: 'esm',
      outfile: join(tmp, 'generate.mjs'),
      banner: { js: "import { createRequire as __ycpCreateRequire } from 'node:module';\nconst require = __ycpCreateRequire(import.meta.url);" },
      define: VERSION,
      external: EXTERNAL,
    }),
  ]);
  const { generateHelp } = await import(pathToFileURL(join(tmp, 'generate.mjs')).href);
  mkdirSync(new URL('../dist/help', import.meta.url));
  for (const [lang, file] of Object.entries(await generateHelp())) {
    writeFileSync(new URL(`../dist/help/${lang}.json`, import.meta.url), JSON.stringify(file));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
