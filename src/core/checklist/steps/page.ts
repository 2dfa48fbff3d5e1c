// The Embedded Signup page that steps 5 and 6 hand to `ycp signup scaffold` and `ycp signup serve`:
// one folder, chosen once (--page-dir, else asked on a terminal, else embedded-signup/) and recorded
// with step 5, so the serve offer of step 6 serves exactly the page the scaffold offer wrote.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { YcpError } from '../../errors.js';
import { readConfigBlock } from '../../signup/config-block.js';
import { commandLine } from '../../shell.js';
import type { Wizard } from '../wizard.js';
import { DEFAULT_PAGE_DIR } from '../page-dir.js';

export { DEFAULT_PAGE_DIR };

/** missing: no page; same: a page with the recorded IDs; different: a page with other IDs (or none readable). */
export type PageState = 'missing' | 'same' | 'different';

export async function pageState(dir: string, want: { appId?: string; configId?: string; solutionId?: string }): Promise<PageState> {
  let html: string;
  try {
    html = await readFile(join(dir, 'index.html'), 'utf8');
  } catch {
    return 'missing';
  }
  const cfg = readConfigBlock(html);
  const same = cfg !== undefined && (['appId', 'configId', 'solutionId'] as const).every((k) => want[k] !== undefined && cfg[k] === want[k]);
  return same ? 'same' : 'different';
}

/** The page folder, absolute. `--yes` takes the default instead of asking, like every other default. */
export async function choosePageDir(w: Wizard): Promise<string> {
  if (w.o.pageDir !== undefined) {
    const v = w.o.pageDir.trim();
    if (!v) throw new YcpError('usage', w.tr('ui.invalidFlag', { flag: '--page-dir', problem: w.tr('v.dir') }));
    return resolve(v);
  }
  const recorded = w.rec('embedded-signup').data?.pageDir;
  if (recorded) return recorded;
  if (!w.ctx.io.canPrompt || w.o.yes) return resolve(DEFAULT_PAGE_DIR);
  const v = await w.prompt.input({
    message: w.tr('s5.pageDirPrompt'),
    flag: '--page-dir',
    default: DEFAULT_PAGE_DIR,
    validate: (s) => (s.trim() ? true : w.tr('v.dir')),
  });
  return resolve(v.trim());
}

/**
 * Offers `ycp signup scaffold` into `dir` with the recorded IDs. A page already there with the same IDs
 * is left alone; one with other IDs is overwritten (--force) only on a person's yes, never on --yes.
 * Resolves to whether the folder now holds a page with these IDs.
 */
export async function offerScaffold(w: Wizard, dir: string): Promise<boolean> {
  const { appId, configId, solutionId } = w.values;
  if (!appId || !configId || !solutionId) return false;
  const before = await pageState(dir, w.values);
  if (before === 'same') {
    w.say('s5.pageThere', { dir });
    return true;
  }
  w.say(before === 'missing' ? 's5.scaffold' : 's5.pageDiffers', { dir });
  const force = before === 'different' ? ['--force'] : [];
  await w.offer(
    ['signup', 'scaffold', '--out', dir, '--app-id', appId, '--config-id', configId, '--solution-id', solutionId, ...force],
    { safe: before === 'missing' },
    () => w.ui.ports.scaffoldSignupPage({ out: dir, force: before === 'different', appId, configId, solutionId }),
  );
  return (await pageState(dir, w.values)) === 'same';
}

/**
 * Step 6 with no WABA yet: offers `ycp signup serve` on the page folder (writing the page first if it is
 * not there). `serve` waits for a person in a browser, so --yes alone never runs it. Resolves to whether
 * it ran (the caller then re-reads YCloud).
 */
export async function offerServe(w: Wizard): Promise<boolean> {
  const dir = await choosePageDir(w);
  const argv = ['signup', 'serve', '--dir', dir];
  if ((await pageState(dir, w.values)) !== 'same' && !(await offerScaffold(w, dir))) {
    w.say('ui.offerPrint', { command: commandLine(argv) });
    return false;
  }
  return w.offer(argv, { safe: false }, () => w.ui.ports.serveSignup({ dir }));
}
