import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { YcpError } from '../errors.js';
import { checkDigits } from '../validate.js';
import { t, type Lang } from '../../i18n/index.js';
import { pageEn } from '../../i18n/page/en.js';
import { pageZhCN } from '../../i18n/page/zh-CN.js';
import { writeConfigBlock } from './config-block.js';
import { DEFAULT_ES_VERSION, featureTypeProblem, type EsVersion } from './es-version.js';
import type { Logo, PageLang } from './branding.js';
import { SIGNUP_FILES, SIGNUP_TEMPLATE, templatesDir } from './templates.js';

export const DEFAULT_GRAPH_VERSION = 'v25.0';

/** What the page on disk carries: IDs, versions and page settings, no secrets (`serve` adds its token). */
export interface SignupPageValues {
  appId: string;
  configId: string;
  solutionId: string;
  graphVersion: string;
  esVersion?: EsVersion;
  featureType?: string;
  /** Which IDs are sandbox placeholders (sandbox mode only; `serve` refuses such a page against the real API). */
  sandboxPlaceholders?: string[];
  /** Forces the page's language; otherwise the browser's decides. */
  pageLang?: PageLang;
  brandName?: string;
  brandColor?: string;
  /** The logo's file name next to the page (logo.png, …). */
  logo?: string;
  /** Where the page posts the result when `signup serve` does not serve it: the partner's backend. */
  backendUrl?: string;
  /** Collect the OAuth code and post it with the result (to the backend only). */
  includeCode?: boolean;
}

type IdInput = Partial<Record<'appId' | 'configId' | 'solutionId' | 'graphVersion' | 'featureType', string | undefined>>;

/** Checks the IDs and the version/feature-type pair; the other values come checked by their own helpers. */
export function checkPageValues(v: IdInput, o: { esVersion?: EsVersion; lang: Lang; placeholders?: string[] }): SignupPageValues {
  const esVersion = o.esVersion ?? DEFAULT_ES_VERSION;
  const out: SignupPageValues = {
    appId: checkDigits('--app-id', v.appId ?? ''),
    configId: checkDigits('--config-id', v.configId ?? ''),
    solutionId: checkDigits('--solution-id', v.solutionId ?? ''),
    graphVersion: checkGraphVersion(v.graphVersion ?? DEFAULT_GRAPH_VERSION),
    esVersion,
  };
  if (v.featureType) {
    const problem = featureTypeProblem(esVersion, v.featureType);
    if (problem) throw new YcpError('usage', t(o.lang, problem, { value: v.featureType.slice(0, 40), version: esVersion }));
    out.featureType = v.featureType;
  }
  if (o.placeholders?.length) out.sandboxPlaceholders = o.placeholders;
  return out;
}

export function checkGraphVersion(v: string): string {
  const s = v.trim();
  if (!/^v\d{1,3}\.\d{1,2}$/.test(s)) throw new YcpError('usage', `--graph-version must look like ${DEFAULT_GRAPH_VERSION}, got "${s.slice(0, 40)}"`);
  return s;
}

/**
 * The page's words in both languages (the `page.*` catalog keys without their prefix). The page area is
 * imported here, both languages: the page needs them whatever the CLI speaks (the CLI loads Chinese only
 * for a Chinese run, i18n/index.ts).
 */
export function pageTexts(): Record<Lang, Record<string, string>> {
  const strip = (c: Record<string, string>) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k.slice('page.'.length), v]));
  return { en: strip(pageEn), 'zh-CN': strip(pageZhCN) };
}

export async function renderSignupPage(values: SignupPageValues, dir = join(templatesDir(), SIGNUP_TEMPLATE)): Promise<string> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  return writeConfigBlock(html, { esVersion: DEFAULT_ES_VERSION, ...values, texts: pageTexts() });
}

export interface ScaffoldResult {
  dir: string;
  files: string[];
  overwritten: string[];
}

/** Writes index.html (with the config block), page.js, signup.js, style.css and the logo; refuses to overwrite unless `force`. */
export async function scaffoldSignupPage(o: { out: string; force: boolean; values: SignupPageValues; logo?: Logo }): Promise<ScaffoldResult> {
  const dir = resolve(o.out);
  const src = join(templatesDir(), SIGNUP_TEMPLATE);
  const names = [...SIGNUP_FILES, ...(o.logo ? [o.logo.name] : [])];
  const existing: string[] = [];
  for (const f of names) if (await exists(join(dir, f))) existing.push(f);
  if (existing.length && !o.force) {
    throw new YcpError('usage', `${join(dir, existing[0]!)} already exists`, { hint: 'pass --force to overwrite it, or --out DIR to write somewhere else' });
  }
  await mkdir(dir, { recursive: true });
  const values = o.logo ? { ...o.values, logo: o.logo.name } : o.values;
  const files: string[] = [];
  for (const f of SIGNUP_FILES) {
    const text = f === 'index.html' ? await renderSignupPage(values, src) : await readFile(join(src, f), 'utf8');
    await writeFile(join(dir, f), text, 'utf8');
    files.push(join(dir, f));
  }
  if (o.logo) {
    await writeFile(join(dir, o.logo.name), o.logo.bytes);
    files.push(join(dir, o.logo.name));
  }
  return { dir, files, overwritten: existing };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
