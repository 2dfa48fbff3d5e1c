import { SETTINGS, SETTING_NAMES, type SettingName } from './settings.js';
import { usageError } from './errors.js';
import { checkDigits, checkHttpUrl } from './validate.js';
import { timeoutSettingMs } from './deadline.js';

/** Accepts a setting name as `appId`, `app-id` or `app_id`. */
export function settingName(input: string): SettingName {
  const key = input.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase());
  const hit = SETTING_NAMES.find((n) => n.toLowerCase() === key.toLowerCase());
  if (!hit) throw usageError(`unknown setting "${input}"`, `settings: ${SETTING_NAMES.join(', ')}`);
  return hit;
}

/** Validates a value before it is stored, so a typo fails now and not at signup time. */
export function checkSettingValue(name: SettingName, value: string): string {
  const v = value.trim();
  switch (name) {
    case 'apiKey':
      throw usageError('the API key is not set with `config set`', 'use `ycp login` (it verifies the key and keeps it off your shell history)');
    case 'appId':
      return checkDigits('app ID', v);
    case 'configId':
      return checkDigits('config ID', v);
    case 'solutionId':
      return checkDigits('solution ID', v);
    case 'baseUrl':
      return checkHttpUrl('base URL', v).replace(/\/+$/, '');
    case 'graphVersion':
      if (!/^v\d{1,3}\.\d$/.test(v)) throw usageError(`graph version must look like v25.0, got "${v}"`);
      return v;
    case 'lang':
      if (v !== 'en' && v !== 'zh-CN') throw usageError(`lang must be en or zh-CN, got "${v}"`);
      return v;
    case 'timeout':
      timeoutSettingMs(v, 'timeout');
      return v;
    default:
      return v;
  }
}

export const isSecret = (name: SettingName) => Boolean((SETTINGS[name] as { secret?: boolean }).secret);
