import type { Ctx } from '../../core/context.js';
import { SETTINGS, checkSetting } from '../../core/settings.js';
import { SANDBOX_PAGE_IDS, isSandboxBaseUrl } from '../../core/signup/sandbox-mode.js';
import { checkPageValues, scaffoldSignupPage, type SignupPageValues } from '../../core/signup/scaffold.js';
import { checkBrandColor, checkBrandName, readLogo } from '../../core/signup/branding.js';
import { checkBackendUrl } from '../../core/signup/backend.js';
import type { EsVersion } from '../../core/signup/es-version.js';
import { shellQuote } from '../../core/shell.js';
import { t, type Lang } from '../../i18n/index.js';
import { say, success, warn } from '../../ui/format.js';
import { render } from '../../ui/render.js';
import type { GlobalOpts } from '../shared.js';
import { warnIfDeprecatedEs } from './output.js';

/** The page's own settings keep the core's names and types (`--logo` is a file here, its copy's name there). */
export interface SignupScaffoldOptions extends GlobalOpts, Pick<SignupPageValues, 'featureType' | 'pageLang' | 'brandName' | 'brandColor' | 'backendUrl' | 'includeCode'> {
  out: string;
  force?: boolean;
  logo?: string;
}

const ASK = [
  { name: 'appId', message: 'su.askAppId' },
  { name: 'configId', message: 'su.askConfigId' },
  { name: 'solutionId', message: 'su.askSolutionId' },
] as const;

/** A typed answer is checked by its SETTINGS row, like the flag and `config set`. */
function checkAnswer(name: (typeof ASK)[number]['name'], typed: string, lang: Lang): string | true {
  const r = checkSetting(name, typed);
  return 'problem' in r ? t(lang, r.problem) : true;
}

export async function signupScaffold(ctx: Ctx, o: SignupScaffoldOptions): Promise<void> {
  const cfg = await ctx.config();
  const lang = cfg.lang;
  const esVersion = cfg.get('esVersion') as EsVersion;
  const values: Record<string, string | undefined> = { graphVersion: cfg.get('graphVersion'), featureType: o.featureType };
  // flag > env > profile (saved by `ycp init`); a missing one is asked on a TTY, else exit 2 naming its flag.
  // Against the sandbox there is no Meta app yet: placeholders stand in, never a question.
  const sandbox = isSandboxBaseUrl(cfg.get('baseUrl') ?? '');
  const placeholders: string[] = [];
  for (const q of ASK) {
    const given = cfg.get(q.name);
    if (given === undefined && sandbox) placeholders.push(q.name);
    values[q.name] =
      given ??
      (sandbox ? SANDBOX_PAGE_IDS[q.name] : undefined) ??
      (await ctx.prompt.input({ message: t(lang, q.message), flag: SETTINGS[q.name].flag, validate: (v) => checkAnswer(q.name, v, lang) })).trim();
  }
  const page = checkPageValues(values, { esVersion, lang, placeholders });
  if (o.pageLang) page.pageLang = o.pageLang;
  if (o.brandName !== undefined) page.brandName = checkBrandName(o.brandName, lang);
  if (o.brandColor !== undefined) page.brandColor = checkBrandColor(o.brandColor, lang);
  if (o.backendUrl !== undefined) page.backendUrl = checkBackendUrl(o.backendUrl, lang);
  if (o.includeCode) page.includeCode = true;
  const logo = o.logo === undefined ? undefined : await readLogo(o.logo, lang);
  const r = await scaffoldSignupPage({ out: o.out, force: Boolean(o.force), values: page, logo });
  const shown = logo ? { ...page, logo: logo.name } : page;
  render(ctx.io, { json: o.json }, { ...r, values: shown }, () => r.files.join('\n'));
  warnIfDeprecatedEs(ctx.io, lang, esVersion);
  if (o.json) return;
  success(ctx.io, t(lang, r.overwritten.length ? 'su.rewrote' : 'su.wrote', { version: esVersion.slice(1), dir: r.dir }));
  const dir = shellQuote(o.out);
  if (placeholders.length) {
    say(ctx.io, `${t(lang, 'su.placeholders', { baseUrl: cfg.get('baseUrl') ?? '', names: placeholders.join(', ') })}\n${t(lang, 'su.tryNow', { dir })}`);
    return;
  }
  if (!page.backendUrl) warn(ctx.io, t(lang, 'su.noBackend'));
  if (page.includeCode) warn(ctx.io, t(lang, 'su.codeOn'));
  say(ctx.io, `\n${t(lang, 'su.next', { dir })}`);
}
