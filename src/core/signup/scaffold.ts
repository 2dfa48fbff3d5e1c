import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { checkDigits } from '../validate.js';
import { writeConfigBlock } from './config-block.js';
import { SIGNUP_FILES, SIGNUP_TEMPLATE, templatesDir } from './templates.js';

export const DEFAULT_GRAPH_VERSION = 'v25.0';
/** Known `extras.featureType` values (CONTRACT §15); others pass if they look like one, since Meta adds more. */
export const FEATURE_TYPES = ['only_waba_sharing', 'whatsapp_business_app_onboarding', 'app_only_install'];

export interface SignupPageValues {
  appId: string;
  configId: string;
  solutionId: string;
  graphVersion: string;
  featureType?: string;
  /** Which IDs are sandbox placeholders (sandbox mode only; `serve` refuses such a page against the real API). */
  sandboxPlaceholders?: string[];
}

/** What the page on disk carries: IDs and versions only, no secrets (the state token is added by `serve`). */
export function checkPageValues(v: Partial<Record<Exclude<keyof SignupPageValues, 'sandboxPlaceholders'>, string | undefined>>, placeholders: string[] = []): SignupPageValues {
  const out: SignupPageValues = {
    appId: checkDigits('--app-id', v.appId ?? ''),
    configId: checkDigits('--config-id', v.configId ?? ''),
    solutionId: checkDigits('--solution-id', v.solutionId ?? ''),
    graphVersion: checkGraphVersion(v.graphVersion ?? DEFAULT_GRAPH_VERSION),
  };
  if (v.featureType) {
    if (!/^[a-z][a-z_]{0,63}$/.test(v.featureType)) {
      throw usageError(`--feature-type must look like ${FEATURE_TYPES.join(' or ')}, got "${v.featureType.slice(0, 40)}"`);
    }
    out.featureType = v.featureType;
  }
  if (placeholders.length) out.sandboxPlaceholders = placeholders;
  return out;
}

export function checkGraphVersion(v: string): string {
  const s = v.trim();
  if (!/^v\d{1,3}\.\d{1,2}$/.test(s)) throw usageError(`--graph-version must look like ${DEFAULT_GRAPH_VERSION}, got "${s.slice(0, 40)}"`);
  return s;
}

export async function renderSignupPage(values: SignupPageValues, dir = join(templatesDir(), SIGNUP_TEMPLATE)): Promise<string> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  return writeConfigBlock(html, { ...values });
}

export interface ScaffoldResult {
  dir: string;
  files: string[];
  overwritten: string[];
}

/** Writes index.html (with the config block), signup.js and style.css; refuses to overwrite unless `force`. */
export async function scaffoldSignupPage(o: { out: string; force: boolean; values: SignupPageValues }): Promise<ScaffoldResult> {
  const dir = resolve(o.out);
  const src = join(templatesDir(), SIGNUP_TEMPLATE);
  const existing: string[] = [];
  for (const f of SIGNUP_FILES) if (await exists(join(dir, f))) existing.push(f);
  if (existing.length && !o.force) {
    throw usageError(`${join(dir, existing[0]!)} already exists`, 'pass --force to overwrite it, or --out DIR to write somewhere else');
  }
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const f of SIGNUP_FILES) {
    const text = f === 'index.html' ? await renderSignupPage(o.values, src) : await readFile(join(src, f), 'utf8');
    await writeFile(join(dir, f), text, 'utf8');
    files.push(join(dir, f));
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
