// A template from flags (`template create --name … --body …`) or from a JSON/YAML file (`--file`), in the
// shape of the contract's WhatsappTemplateCreateRequest. Nothing here checks Meta's rules: rules.ts does,
// for both sources alike.
import { readFile } from 'node:fs/promises';
import { usageError } from '../errors.js';
import { t, type Lang } from '../../i18n/index.js';
import type { TemplateBody } from './rules.js';

export interface TemplateFlags {
  name?: string;
  language?: string;
  category?: string;
  body?: string;
  headerText?: string;
  headerExample?: string;
  footer?: string;
  /** `QUICK_REPLY:Yes`, `URL:Track:https://x.example/t/{{1}}|ABC123`, `PHONE_NUMBER:Call us:+15550001111`, `COPY_CODE:SAVE10` */
  button?: string[];
  /** Body example values, one per {{n}}, in order. */
  example?: string[];
}

const BUTTON_TYPES: Record<string, string> = {
  QUICK_REPLY: 'QUICK_REPLY', REPLY: 'QUICK_REPLY', URL: 'URL', PHONE_NUMBER: 'PHONE_NUMBER', PHONE: 'PHONE_NUMBER', COPY_CODE: 'COPY_CODE',
};

/** The components of a template from its flags (what `template edit` sends, and `create` with its name). */
export function componentsFromFlags(f: TemplateFlags, lang: Lang): unknown[] {
  const components: Record<string, unknown>[] = [];
  if (f.headerText !== undefined) {
    components.push({ type: 'HEADER', format: 'TEXT', text: f.headerText, ...(f.headerExample !== undefined ? { example: { header_text: [f.headerExample] } } : {}) });
  }
  components.push({ type: 'BODY', text: f.body ?? '', ...(f.example?.length ? { example: { body_text: [f.example] } } : {}) });
  if (f.footer !== undefined) components.push({ type: 'FOOTER', text: f.footer });
  if (f.button?.length) components.push({ type: 'BUTTONS', buttons: f.button.map((b) => parseButton(b, lang)) });
  return components;
}

export function templateFromFlags(f: TemplateFlags, wabaId: string, lang: Lang): TemplateBody {
  for (const [flag, v] of [['--name', f.name], ['--language', f.language], ['--category', f.category], ['--body', f.body]] as const) {
    if (v === undefined) throw usageError(t(lang, 'tpl.needFlag', { flag }), t(lang, 'tpl.needFlagHint'));
  }
  return { wabaId, name: f.name, language: f.language, category: f.category!.toUpperCase(), components: componentsFromFlags(f, lang) };
}

/** `TYPE:text[:value]`; a URL's example value follows a `|`. */
export function parseButton(spec: string, lang: Lang): Record<string, unknown> {
  const i = spec.indexOf(':');
  const type = BUTTON_TYPES[(i < 0 ? spec : spec.slice(0, i)).trim().toUpperCase()];
  if (!type || i < 0) throw usageError(t(lang, 'tpl.buttonSyntax', { spec }), t(lang, 'tpl.buttonSyntaxHint'));
  const rest = spec.slice(i + 1);
  if (type === 'COPY_CODE') return { type, example: [rest] };
  const j = rest.indexOf(':');
  const text = j < 0 ? rest : rest.slice(0, j);
  const value = j < 0 ? undefined : rest.slice(j + 1);
  if (type === 'QUICK_REPLY') return { type, text: rest };
  if (value === undefined || value === '') throw usageError(t(lang, 'tpl.buttonValue', { spec, type }), t(lang, 'tpl.buttonSyntaxHint'));
  if (type === 'PHONE_NUMBER') return { type, text, phone_number: value };
  const bar = value.lastIndexOf('|');
  return bar < 0 ? { type, text, url: value } : { type, text, url: value.slice(0, bar), example: [value.slice(bar + 1)] };
}

/** A JSON or YAML file (by extension; YAML is loaded only then) holding one template object. */
export async function templateFromFile(path: string, lang: Lang): Promise<TemplateBody> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw usageError(t(lang, 'tpl.fileRead', { file: path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path) ? (await import('yaml')).parse(text) : JSON.parse(text);
  } catch (err) {
    throw usageError(t(lang, 'tpl.fileParse', { file: path, reason: (err as Error).message.split('\n')[0]! }));
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw usageError(t(lang, 'tpl.fileShape', { file: path }));
  return data as TemplateBody;
}
