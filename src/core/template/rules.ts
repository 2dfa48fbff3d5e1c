// Local checks of a template before it is sent (`template create`, `template edit`): what Meta would reject
// on review, caught here as exit 2 with the reason, never a round trip. Sources:
// - Meta, "Template components" (developers.facebook.com/documentation/business-messaging/whatsapp/
//   templates/components): a text header is at most 60 characters with at most one parameter, and a
//   parameter needs an example value; the body is required; the footer is at most 60 characters of
//   plain text; up to 10 buttons, of which at most 2 URL buttons, 1 phone-number button, 1 copy-code.
// - Meta, template names: lowercase letters, digits and underscores, at most 512 characters.
// - YCloud's spec (src/core/api/contract/templates.ts): body text ≤ 1024, button text ≤ 25, URL ≤ 2000,
//   phone number ≤ 20, the category and format enums. The whole body is also checked against the
//   contract's WhatsappTemplateCreateRequest / WhatsappTemplateEditRequest schema.
// - Positional parameters: `{{1}}`, `{{2}}`… numbered from 1 in order of first use, without gaps, and one
//   example value per parameter (example.body_text[0]). Named parameters (`{{first_name}}`) need Meta's
//   parameter_format, which YCloud's API does not expose: ycp refuses them rather than guess.
import type { SchemaName } from '../api/contract/index.js';
import { TEMPLATE_NAME_RE } from '../api/contract/templates.js';
import { validateAgainst } from '../api/contract/validate.js';
import { describeIssues } from '../api/schema-issues.js';
import { t, type Lang, type MsgKey, type Params } from '../../i18n/index.js';

export const LIMITS = { header: 60, body: 1024, footer: 60, buttons: 10, url: 2, phone: 1, copyCode: 1, buttonText: 25 } as const;

interface Component {
  type?: string;
  format?: string;
  text?: string;
  buttons?: { type?: string; text?: string; url?: string; phone_number?: string; example?: string[] }[];
  example?: { body_text?: unknown; header_text?: unknown };
}

export interface TemplateBody {
  name?: unknown;
  language?: unknown;
  category?: unknown;
  components?: unknown;
  [k: string]: unknown;
}

type Problem = [MsgKey, Params?];

/** Every reason the template would be rejected, in the user's language; [] when it passes. */
export function templateProblems(body: TemplateBody, o: { lang: Lang; mode: 'create' | 'edit' }): string[] {
  const out: Problem[] = [];
  if (o.mode === 'create') {
    if (typeof body.name !== 'string' || !TEMPLATE_NAME_RE.test(body.name)) out.push(['tpl.rule.name', { name: String(body.name ?? '') }]);
    if (typeof body.language !== 'string' || !/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,4})?$/.test(body.language)) out.push(['tpl.rule.language', { language: String(body.language ?? '') }]);
  }
  const components = Array.isArray(body.components) ? (body.components as Component[]) : [];
  const of = (type: string) => components.filter((c) => c && typeof c === 'object' && String(c.type).toUpperCase() === type);
  const bodies = of('BODY');
  if (bodies.length !== 1) out.push(['tpl.rule.oneBody', { count: bodies.length }]);
  for (const type of ['HEADER', 'FOOTER', 'BUTTONS']) if (of(type).length > 1) out.push(['tpl.rule.once', { type }]);
  for (const c of bodies) checkBody(c, out);
  for (const c of of('HEADER')) checkHeader(c, out);
  for (const c of of('FOOTER')) {
    if (typeof c.text === 'string' && [...c.text].length > LIMITS.footer) out.push(['tpl.rule.footerLength', { max: LIMITS.footer }]);
    if (typeof c.text === 'string' && /\{\{/.test(c.text)) out.push(['tpl.rule.footerVars']);
  }
  for (const c of of('BUTTONS')) checkButtons(c, out);
  const messages = out.map(([k, p]) => t(o.lang, k, p));
  // The spec's own limits and enums, last: the rules above say it better where they overlap.
  const schema: SchemaName = o.mode === 'create' ? 'WhatsappTemplateCreateRequest' : 'WhatsappTemplateEditRequest';
  const issues = describeIssues(o.lang, validateAgainst(schema, body));
  return [...messages, ...issues.filter((i) => !messages.length || !/\/components\/\d+\/text/.test(i))];
}

/** The positional parameters of a text, or a problem: `{{1}}`…`{{n}}`, first uses in order, no gaps. */
export function parameters(text: string): { count: number } | { problem: Problem } {
  const all = [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[1]!);
  const stray = text.replace(/\{\{[^{}]*\}\}/g, '');
  if (/\{\{|\}\}/.test(stray)) return { problem: ['tpl.rule.varBraces'] };
  const bad = all.find((v) => !/^[1-9]\d*$/.test(v));
  if (bad !== undefined) return { problem: [/^\s*\d+\s*$/.test(bad) ? 'tpl.rule.varSpaces' : 'tpl.rule.varNamed', { v: `{{${bad}}}` }] };
  const firsts: number[] = [];
  for (const v of all.map(Number)) if (!firsts.includes(v)) firsts.push(v);
  const expected = firsts.map((_, i) => i + 1);
  if (firsts.join() !== expected.join()) {
    const sorted = [...firsts].sort((a, b) => a - b);
    return sorted.join() === expected.join()
      ? { problem: ['tpl.rule.varOrder', { seen: firsts.map((n) => `{{${n}}}`).join(' ') }] }
      : { problem: ['tpl.rule.varGap', { seen: sorted.map((n) => `{{${n}}}`).join(' '), max: firsts.length }] };
  }
  return { count: firsts.length };
}

function checkBody(c: Component, out: Problem[]): void {
  if (typeof c.text !== 'string' || c.text.trim() === '') return void out.push(['tpl.rule.bodyText']);
  if ([...c.text].length > LIMITS.body) out.push(['tpl.rule.bodyLength', { max: LIMITS.body, length: [...c.text].length }]);
  const p = parameters(c.text);
  if ('problem' in p) return void out.push(p.problem);
  const rows = c.example?.body_text;
  const values = Array.isArray(rows) && Array.isArray(rows[0]) ? (rows[0] as unknown[]) : undefined;
  if (p.count === 0) return;
  if (!values) return void out.push(['tpl.rule.examplesMissing', { count: p.count }]);
  if (values.length !== p.count) out.push(['tpl.rule.examplesCount', { count: p.count, given: values.length }]);
  if (values.some((v) => typeof v !== 'string' || v.trim() === '')) out.push(['tpl.rule.examplesEmpty']);
}

function checkHeader(c: Component, out: Problem[]): void {
  if (String(c.format ?? 'TEXT').toUpperCase() !== 'TEXT') return;
  if (typeof c.text !== 'string' || c.text.trim() === '') return void out.push(['tpl.rule.headerText']);
  if ([...c.text].length > LIMITS.header) out.push(['tpl.rule.headerLength', { max: LIMITS.header }]);
  const p = parameters(c.text);
  if ('problem' in p) return void out.push(p.problem);
  if (p.count > 1) out.push(['tpl.rule.headerVars']);
  const ex = c.example?.header_text;
  if (p.count === 1 && !(Array.isArray(ex) && typeof ex[0] === 'string' && ex[0].trim() !== '')) out.push(['tpl.rule.headerExample']);
}

function checkButtons(c: Component, out: Problem[]): void {
  const buttons = Array.isArray(c.buttons) ? c.buttons : [];
  if (buttons.length === 0) out.push(['tpl.rule.buttonsEmpty']);
  if (buttons.length > LIMITS.buttons) out.push(['tpl.rule.buttonsMax', { max: LIMITS.buttons }]);
  const count = (type: string) => buttons.filter((b) => String(b?.type).toUpperCase() === type).length;
  if (count('URL') > LIMITS.url) out.push(['tpl.rule.buttonsOfType', { type: 'URL', max: LIMITS.url }]);
  if (count('PHONE_NUMBER') > LIMITS.phone) out.push(['tpl.rule.buttonsOfType', { type: 'PHONE_NUMBER', max: LIMITS.phone }]);
  if (count('COPY_CODE') > LIMITS.copyCode) out.push(['tpl.rule.buttonsOfType', { type: 'COPY_CODE', max: LIMITS.copyCode }]);
  buttons.forEach((b, i) => {
    const n = i + 1;
    const type = String(b?.type ?? '').toUpperCase();
    if (type !== 'COPY_CODE' && (typeof b?.text !== 'string' || b.text.trim() === '')) out.push(['tpl.rule.buttonText', { n }]);
    else if (typeof b?.text === 'string' && [...b.text].length > LIMITS.buttonText) out.push(['tpl.rule.buttonTextLength', { n, max: LIMITS.buttonText }]);
    if (type === 'URL') {
      if (typeof b.url !== 'string' || !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(b.url)) out.push(['tpl.rule.buttonUrl', { n }]);
      else {
        const p = parameters(b.url);
        if ('problem' in p) out.push(p.problem);
        else if (p.count > 1 || (p.count === 1 && !b.url.endsWith('{{1}}'))) out.push(['tpl.rule.buttonUrlVar', { n }]);
        else if (p.count === 1 && !(Array.isArray(b.example) && typeof b.example[0] === 'string' && b.example[0] !== '')) out.push(['tpl.rule.buttonUrlExample', { n }]);
      }
    }
    if (type === 'PHONE_NUMBER' && (typeof b.phone_number !== 'string' || !/^\+?[1-9]\d{6,18}$/.test(b.phone_number))) out.push(['tpl.rule.buttonPhone', { n }]);
  });
}
