import { checkSetting, SETTINGS, SETTING_NAMES, type SettingName } from './settings.js';
import { usageError } from './errors.js';
import { msg } from '../i18n/index.js';

/** A setting's name as people type it (`app-id`); the table's key (`appId`) is accepted too. */
export function settingLabel(name: SettingName): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Accepts a setting name as `app-id`, `appId` or `app_id`. */
export function settingName(input: string): SettingName {
  const key = input.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase());
  const hit = SETTING_NAMES.find((n) => n.toLowerCase() === key.toLowerCase());
  if (!hit) throw usageError(msg('input.unknownSetting', { name: input }), msg('input.settingsList', { names: SETTING_NAMES.map(settingLabel).join(', ') }));
  return hit;
}

/** Checks a value with its SETTINGS row before it is stored, so a typo fails now and not at signup time. */
export function checkSettingValue(name: SettingName, value: string): string {
  const r = checkSetting(name, value);
  if ('problem' in r) throw usageError(msg('ui.invalidFlag', { flag: settingLabel(name), problem: msg(r.problem) }));
  return r.value;
}

export const isSecret = (name: SettingName) => Boolean((SETTINGS[name] as { secret?: boolean }).secret);
