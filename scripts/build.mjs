// Bundles bin/ycp.ts into dist/ with code splitting, so lazily imported commands
// become their own chunks and `ycp --version` loads almost nothing.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { readFileSync, rmSync, chmodSync, writeFileSync } from 'node:fs';

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
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { ycp: 'bin/ycp.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  legalComments: 'none',
  // commander (and a few others) are CommonJS: give the ESM bundle a require().
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __ycpCreateRequire } from 'node:module';\nconst require = __ycpCreateRequire(import.meta.url);",
  },
  define: { __YCP_VERSION__: JSON.stringify(pkg.version) },
  // Optional native package: loaded at run time only when the ngrok tunnel is used.
  external: ['@ngrok/ngrok', 'playwright-core', 'fsevents'],
  plugins: [lazyChildProcess, lazyUndiciH2],
  logLevel: 'warning',
});
chmodSync(new URL('../dist/ycp.js', import.meta.url), 0o755);
// Tells Node the chunks are ESM without walking up to the project's package.json for each one.
writeFileSync(new URL('../dist/package.json', import.meta.url), '{ "type": "module" }\n');
