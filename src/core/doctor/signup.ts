// Doctor's Embedded Signup checks (issue 12 §1): the esVersion setting, and the page the wizard recorded
// (init's step 5 keeps its folder; else ./embedded-signup if there is one). v2 and v3 warn: Meta ends v2 on
// 2026-10-15 and listed v3 until October 2026.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { msg } from '../../i18n/index.js';
import type { ResolvedSettings } from '../settings.js';
import { sourceMsg } from '../setting-source.js';
import { readConfigBlock } from '../signup/config-block.js';
import { ES_DEPRECATION_DATE, isEsVersion, pageEsVersion } from '../signup/es-version.js';
import { DEFAULT_PAGE_DIR, recordedPageDir } from '../checklist/page-dir.js';
import type { Check } from './types.js';

export async function signupChecks(settings: ResolvedSettings, profile: Readonly<Record<string, unknown>>): Promise<Check[]> {
  const checks: Check[] = [];
  const r = settings.esVersion;
  if (isEsVersion(r.value) && r.value !== 'v4') {
    checks.push({ id: 'signup.esVersion', level: 'warn', text: msg('dr.esSetting', { version: r.value, source: sourceMsg(r), date: ES_DEPRECATION_DATE }), fix: msg('dr.esSettingFix') });
  }
  const dir = recordedPageDir(profile) ?? resolve(DEFAULT_PAGE_DIR);
  let html: string;
  try {
    html = await readFile(join(dir, 'index.html'), 'utf8');
  } catch {
    return checks; // no page (yet): nothing to say
  }
  const cfg = readConfigBlock(html);
  if (!cfg) return checks;
  const version = pageEsVersion(cfg);
  if (version === 'v4') checks.push({ id: 'signup.page', level: 'pass', text: msg('dr.esPageOk', { dir }) });
  else checks.push({ id: 'signup.page', level: 'warn', text: msg('dr.esPage', { dir, version, date: ES_DEPRECATION_DATE }), fix: msg('dr.esPageFix', { dir }) });
  return checks;
}
