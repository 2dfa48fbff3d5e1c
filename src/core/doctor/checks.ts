// `ycp doctor`: environment checks that must work with a broken config file and without a network, so
// nothing here goes through ctx.config() or ctx.api() without catching what they throw.
import type { Ctx } from '../context.js';
import { YcpError } from '../errors.js';
import { apiClient } from '../api/from-ctx.js';
import { checkSetting, flagProblem, normalizeLang, resolveSettings, SETTING_NAMES, type ResolvedSettings } from '../settings.js';
import { configPathFor } from '../config-path.js';
import { fileMode } from '../store.js';
import { msg, type Lang } from '../../i18n/index.js';
import type { Check } from './types.js';
import { sourceMsg } from '../setting-source.js';
import { settingLabel } from '../setting-values.js';
import { proxyChecks, tunnelChecks } from './environment.js';
import { signupChecks } from './signup.js';

export type { Check, Level } from './types.js';

export interface DoctorInput {
  /** Defaults to the running Node; tests pass others. */
  nodeVersion?: string;
  mask(secret: string): string;
  /** Called when the API probe starts (it can take up to PROBE_TIMEOUT_MS); returns what ends it. */
  probing?: (lang: Lang) => () => void;
}

export interface DoctorResult {
  lang: Lang;
  checks: Check[];
}

/** Past this, webhook signatures checked with the usual 300 s tolerance start failing (CONTRACT §12). */
export const SKEW_FAIL_S = 300;
export const SKEW_WARN_S = 60;
/** One try, this long: doctor diagnoses, so a prompt "cannot reach" beats a read that retries. */
export const PROBE_TIMEOUT_MS = 5_000;

export function nodeCheck(version: string): Check {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) return { id: 'node', level: 'fail', text: msg('dr.nodeOld', { version }), fix: msg('dr.nodeOldFix') };
  // Node 20 works (engines >= 20.19) but left maintenance on 2026-04-30: no more security fixes.
  if (major === 20) return { id: 'node', level: 'warn', text: msg('dr.nodeEol', { version }), fix: msg('dr.nodeEolFix') };
  return { id: 'node', level: 'pass', text: msg('dr.nodeOk', { version }) };
}

async function configChecks(ctx: Ctx): Promise<{ checks: Check[]; settings: ResolvedSettings; profile: Readonly<Record<string, unknown>> }> {
  let path = await configPathFor(ctx.env);
  // A flag that fails its row's check ends every other command (exit 2); doctor reports it as a finding
  // and still resolves everything else, the bad value included, so the checks that use it show its effect.
  const flags = ctx.flags.settings ?? {};
  const bad = flagProblem(flags);
  const flagCheck: Check[] = bad ? [{ id: `flag.${bad.name}`, level: 'fail', text: msg('ui.invalidFlag', { flag: bad.flag, problem: msg(bad.problem) }) }] : [];
  try {
    const cfg = await (bad ? ctx.withFlags({ ...ctx.flags, settings: { ...flags, [bad.name]: undefined } }) : ctx).config();
    path = cfg.store.path;
    const mode = fileMode(path);
    const octal = mode === undefined ? '' : `0${mode.toString(8)}`;
    const check: Check =
      mode === undefined
        ? { id: 'config', level: 'pass', text: msg('dr.configMissing', { path }), fix: msg('dr.configMissingFix') }
        : mode === 0o600
          ? { id: 'config', level: 'pass', text: msg('dr.configOk', { path, mode: octal }) }
          : { id: 'config', level: 'warn', text: msg('dr.configMode', { path, mode: octal }), fix: msg('dr.configModeFix', { path }) };
    const settings = bad ? resolveSettings({ flags, env: ctx.env, profile: cfg.store.profile(cfg.profile) }) : cfg.settings;
    return { checks: [check, ...flagCheck], settings, profile: cfg.store.profile(cfg.profile) };
  } catch (err) {
    if (!(err instanceof YcpError)) throw err;
    // A broken file: report it, and still resolve flags and environment so the other checks can run.
    const settings = resolveSettings({ flags, env: ctx.env, profile: {} });
    return { checks: [{ id: 'config', level: 'fail', text: msg('dr.configBroken', { path, reason: err.words }), fix: msg('dr.configBrokenFix') }, ...flagCheck], settings, profile: {} };
  }
}

function settingChecks(settings: ResolvedSettings, mask: (s: string) => string): Check[] {
  return SETTING_NAMES.map((name) => {
    const r = settings[name];
    // Named as people type it (`app-id`), like everywhere else; the id keeps the table's key.
    const label = settingLabel(name);
    if (r.value === undefined) return { id: `setting.${name}`, level: 'pass' as const, text: msg('dr.settingUnset', { name: label }) };
    const value = name === 'apiKey' ? mask(r.value) : r.value;
    const text = msg('dr.setting', { name: label, value, source: sourceMsg(r) });
    // Every network command would stop at it with exit 2: say so here, where the fix is.
    if (name === 'timeout' && 'problem' in checkSetting('timeout', r.value)) return { id: `setting.${name}`, level: 'fail' as const, text, fix: msg('dr.timeoutFix') };
    return { id: `setting.${name}`, level: 'pass' as const, text };
  });
}

async function apiChecks(ctx: Ctx, settings: ResolvedSettings, o: DoctorInput): Promise<Check[]> {
  const key = settings.apiKey.value;
  const url = settings.baseUrl.value!;
  const skip: Check = { id: 'clock', level: 'warn', text: msg('dr.clockSkip') };
  if (!key) return [{ id: 'api', level: 'fail', text: msg('dr.apiNoKey'), fix: msg('dr.apiNoKeyFix'), auth: true }, skip];
  let res;
  const done = o.probing?.(normalizeLang(settings.lang.value));
  try {
    // Built here, not with ctx.api(): that one needs a readable config file. Inside the try: a
    // malformed base URL is a failed check to report, not the end of doctor.
    const api = await apiClient(ctx, { purpose: 'probe', baseUrl: url, apiKey: key });
    res = await api.call('GET', '/balance', { what: 'check the API key', maxTries: 1, timeoutMs: PROBE_TIMEOUT_MS });
  } catch (err) {
    const e = err instanceof YcpError ? err : undefined;
    if (e?.kind === 'cancelled') throw err;
    const requestId = e?.info.requestId ?? '-';
    if (e?.kind === 'auth') return [{ id: 'api', level: 'fail', text: msg('dr.apiRejected', { key: o.mask(key), requestId }), fix: msg('dr.apiRejectedFix'), auth: true }, skip];
    if (e?.kind === 'api') return [{ id: 'api', level: 'fail', text: msg('dr.apiError', { reason: e.words }), fix: msg('dr.apiErrorFix') }, skip];
    const reason = e?.words ?? (err as Error).message;
    return [{ id: 'api', level: 'fail', text: msg('dr.apiDown', { url, reason }), fix: msg('dr.apiDownFix') }, skip];
  } finally {
    done?.();
  }
  const checks: Check[] = [{ id: 'api', level: 'pass', text: msg('dr.apiOk', { url, requestId: res.requestId ?? '-' }) }];
  const date = res.headers.date;
  const at = Date.parse(Array.isArray(date) ? date[0]! : date ?? '');
  if (Number.isNaN(at)) return [...checks, skip];
  // The Date header has one-second resolution: a skew under a second is noise.
  const skew = Math.round(Math.abs(ctx.clock.now() - at) / 1000);
  if (skew > SKEW_FAIL_S) checks.push({ id: 'clock', level: 'fail', text: msg('dr.clockFail', { skew }), fix: msg('dr.clockFix') });
  else if (skew > SKEW_WARN_S) checks.push({ id: 'clock', level: 'warn', text: msg('dr.clockWarn', { skew }), fix: msg('dr.clockFix') });
  else checks.push({ id: 'clock', level: 'pass', text: msg('dr.clockOk', { skew }) });
  return checks;
}

export async function runDoctor(ctx: Ctx, o: DoctorInput): Promise<DoctorResult> {
  const checks: Check[] = [nodeCheck(o.nodeVersion ?? process.versions.node)];
  const cfg = await configChecks(ctx);
  checks.push(...cfg.checks, ...settingChecks(cfg.settings, o.mask), ...(await signupChecks(cfg.settings, cfg.profile)));
  checks.push(...(await apiChecks(ctx, cfg.settings, o)));
  checks.push(...(await tunnelChecks(ctx)), ...proxyChecks(ctx.env));
  return { lang: normalizeLang(cfg.settings.lang.value), checks };
}
