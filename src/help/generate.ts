// Help text generated at build time (scripts/build.mjs writes dist/help/<lang>.json) so that the launcher
// can print `ycp … --help` without loading the bundle or commander (issue 14: 2.5× → 1.1× of a bare
// `node`). Each text is what `run()` itself writes for that argv, with the real command tree, in each
// language: addHelpText sections included, nothing re-implemented. test/help/generate.test.ts compares
// the shipped texts with what commander renders live, so they cannot drift.
import type { Command } from 'commander';
import { assembleCtx, type Ctx } from '../core/context.js';
import { systemClock } from '../core/clock.js';
import { createIo } from '../ui/io.js';
import { buildProgram, run } from '../cli.js';
import { HELP_LANGS, helpKey } from './request.js';
import type { Lang } from '../i18n/index.js';

/** One language's texts: every help argv (helpKey) → an index into `texts` (aliases share a text). */
export interface HelpFile {
  keys: Record<string, number>;
  texts: string[];
}

/** Every argv the launcher answers: nothing, and each command path under each of its aliases with --help, -h, or after `help`. */
export function helpArgvs(program: Command): string[][] {
  const paths: string[][] = [];
  const walk = (cmd: Command, path: string[]) => {
    paths.push(path);
    for (const sub of cmd.commands) for (const name of [sub.name(), ...sub.aliases()]) walk(sub, [...path, name]);
  };
  walk(program, []);
  return [[], ...paths.flatMap((p) => [[...p, '--help'], [...p, '-h'], ['help', ...p]])];
}

export async function generateHelp(): Promise<Record<Lang, HelpFile>> {
  const out = {} as Record<Lang, HelpFile>;
  for (const lang of HELP_LANGS) {
    const file: HelpFile = { keys: {}, texts: [] };
    for (const argv of helpArgvs(buildProgram(throwawayCtx(lang).ctx, [], lang))) {
      const text = await helpFor(argv, lang);
      // The launcher's own parser names the text, so every argv generated here is one it can answer.
      const key = helpKey(argv);
      if (key === undefined) throw new Error(`the launcher would not answer ycp ${argv.join(' ')}`);
      const same = file.keys[key];
      // `-h` and `--help` share a key: commander must print the same for both.
      if (same !== undefined && file.texts[same] !== text) throw new Error(`ycp ${argv.join(' ')} (${lang}) differs from the same request spelled otherwise`);
      let i = file.texts.indexOf(text);
      if (i < 0) i = file.texts.push(text) - 1;
      file.keys[key] = i;
    }
    out[lang] = file;
  }
  return out;
}

/** What `ycp <argv>` writes on stdout in `lang`; anything but help on stdout and exit 0 is a build error. */
export async function helpFor(argv: readonly string[], lang: Lang): Promise<string> {
  const c = throwawayCtx(lang);
  const code = await run([...argv], c.ctx);
  if (code !== 0 || c.stderr() !== '' || c.stdout() === '') {
    throw new Error(`ycp ${argv.join(' ')} (${lang}) is not plain help: exit ${code}\n${c.stderr()}`);
  }
  return c.stdout();
}

/**
 * A ctx that can build the program and print help, and nothing else: no network, no config, no prompts.
 * The language comes through YCP_LANG, the way a user picks it, so `run` decides it as it does for them.
 */
function throwawayCtx(lang: Lang): { ctx: Ctx; stdout(): string; stderr(): string } {
  const sink = () => {
    let text = '';
    const stream = { write: (chunk: string | Uint8Array, ...rest: unknown[]) => ((text += String(chunk)), (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.(), true) };
    return { stream: stream as unknown as NodeJS.WritableStream, text: () => text };
  };
  const out = sink();
  const err = sink();
  const unavailable = (what: string) => () => Promise.reject(new Error(`${what} is not available while generating help`));
  const none = new Proxy({}, { get: (_, k) => unavailable(String(k)) });
  const env = { YCP_LANG: lang, NO_COLOR: '1' };
  const { ctx } = assembleCtx({
    io: createIo({ stdin: none as NodeJS.ReadableStream, stdout: out.stream, stderr: err.stream, stdinTTY: false, stdoutTTY: false, stderrTTY: false }, env),
    env,
    clock: systemClock,
    prompt: none as Ctx['prompt'],
    spawn: none as Ctx['spawn'],
    signal: new AbortController().signal,
    openStore: unavailable('the config'),
    dispatcher: unavailable('the network'),
  });
  return { ctx, stdout: out.text, stderr: err.text };
}
