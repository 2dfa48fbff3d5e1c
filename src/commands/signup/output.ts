import type { Io } from '../../core/context.js';
import { ES_DEPRECATION_DATE, isDeprecatedEs } from '../../core/signup/es-version.js';
import { t, type Lang } from '../../i18n/index.js';
import { warn } from '../../ui/format.js';

/** scaffold (the version it wrote) and serve (the version the page on disk uses) warn alike. */
export function warnIfDeprecatedEs(io: Io, lang: Lang, esVersion: string): void {
  if (isDeprecatedEs(esVersion)) warn(io, t(lang, 'su.deprecated', { version: esVersion, date: ES_DEPRECATION_DATE }));
}
