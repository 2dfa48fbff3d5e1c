// Embedded Signup versions (docs/signup.md "Versions"). Meta, "Embedded Signup → Versions" (2026): v4 is
// the latest and is chosen by the Facebook Login for Business configuration (products selected there);
// v3 (`extras.version: 'v3'`) and v2 (`extras.sessionInfoVersion: '3'`) were available until October 2026,
// and the banner says "Embedded signup v2 will be deprecated on October 15, 2026". Loaded by `--help`
// (the setting row checks against ES_VERSIONS): no catalogs here, problems are catalog keys.
import type { MsgKey } from '../../i18n/index.js';

export const ES_VERSIONS = ['v4', 'v3', 'v2'] as const;
export type EsVersion = (typeof ES_VERSIONS)[number];
export const DEFAULT_ES_VERSION: EsVersion = 'v4';

/** Meta's date for v2 (first-party); v3's exact day comes from Meta's blog as quoted by third parties. */
export const ES_DEPRECATION_DATE = '2026-10-15';

export const isEsVersion = (v: unknown): v is EsVersion => typeof v === 'string' && (ES_VERSIONS as readonly string[]).includes(v);
/** Any value a page or setting may hold: a version ycp does not know ('unknown') is not called deprecated. */
export const isDeprecatedEs = (v: unknown): boolean => isEsVersion(v) && v !== 'v4';

/**
 * The version a page on disk uses. A page written before ycp knew versions has no `esVersion` in its
 * config block and launched the v2 way (`sessionInfoVersion: '3'`), so it counts as v2.
 */
export function pageEsVersion(cfg: Record<string, unknown>): EsVersion | 'unknown' {
  if (cfg.esVersion === undefined) return 'v2';
  return isEsVersion(cfg.esVersion) ? cfg.esVersion : 'unknown';
}

/** `extras.featureType` / `extras.features` values ycp knows (CONTRACT §15, Meta's Versions table). */
export const FEATURE_TYPES = ['whatsapp_business_app_onboarding', 'app_only_install', 'only_waba_sharing', 'marketing_messages_lite'] as const;

/**
 * Whether `featureType` may be sent with `version`: the problem as a catalog key, or undefined.
 * - only_waba_sharing is v2-only: from v3 on a customer can finish without a number (FINISH_ONLY_WABA).
 * - marketing_messages_lite is not a v4 feature type: in v4 the Marketing Messages API is a product of
 *   the login configuration.
 * - app_only_install is an `extras.features` entry from v3 on; v2 has none.
 * Other well-formed names pass: Meta adds feature types without notice.
 */
export function featureTypeProblem(version: EsVersion, featureType: string): MsgKey | undefined {
  if (!/^[a-z][a-z_]{0,63}$/.test(featureType)) return 'su.featureTypeShape';
  if (featureType === 'only_waba_sharing' && version !== 'v2') return 'su.featureOnlyWaba';
  if (featureType === 'marketing_messages_lite' && version === 'v4') return 'su.featureMmLite';
  if (featureType === 'app_only_install' && version === 'v2') return 'su.featureAppOnlyV2';
  return undefined;
}
