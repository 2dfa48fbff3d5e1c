// The issues of the runtime validator (contract/validate.ts) as sentences in the user's language:
// `/components/0/text: at most 1024 characters`. Shared by `ycp api` and the template checks.
import { t, type Lang, type MsgKey } from '../../i18n/index.js';
import type { SchemaIssue } from './contract/validate.js';

const KEYS: Record<SchemaIssue['keyword'], MsgKey> = {
  type: 'api.issue.type',
  format: 'api.issue.format',
  enum: 'api.issue.enum',
  required: 'api.issue.required',
  additionalProperties: 'api.issue.additional',
  minLength: 'api.issue.minLength',
  maxLength: 'api.issue.maxLength',
  pattern: 'api.issue.pattern',
  minimum: 'api.issue.minimum',
  maximum: 'api.issue.maximum',
  minItems: 'api.issue.minItems',
  maxItems: 'api.issue.maxItems',
  anyOf: 'api.issue.anyOf',
};

export function describeIssue(lang: Lang, i: SchemaIssue): string {
  const expected = Array.isArray(i.expected) ? i.expected.join(', ') : String(i.expected);
  return t(lang, 'api.issue', { where: i.path || '/', what: t(lang, KEYS[i.keyword], { expected }) });
}

export function describeIssues(lang: Lang, issues: readonly SchemaIssue[]): string[] {
  return issues.map((i) => describeIssue(lang, i));
}
