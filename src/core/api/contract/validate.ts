// A runtime validator for the JSON Schema subset the contract is written in (schema.ts), so that ycp can
// check a body before sending it (`ycp api`, `template create`) and the sandbox can check what it is sent,
// without ajv: ajv and ajv-formats are devDependencies, and they cost ~100 ms to load and compile. The
// tests compile the same schemas with ajv (test/helpers/contract.ts); test/core/api/contract/validate.test.ts
// holds this validator to ajv's verdicts on generated data, schema by schema.
//
// Semantics follow ajv (draft-07) with ajv-formats' full formats: type-specific keywords apply only to
// data of that type; lengths count code points; patterns are unanchored, unicode regular expressions;
// `int32` is a range, `int64` any integer, `double` any number, `date-time` RFC 3339 with a time zone.
import { contractDocument, type JsonSchema, type SchemaName } from './index.js';

/** One reason `data` does not fit: where (a JSON pointer, '' for the root), which keyword, and its limit. */
export interface SchemaIssue {
  path: string;
  keyword: 'type' | 'format' | 'enum' | 'required' | 'additionalProperties' | 'minLength' | 'maxLength' | 'pattern' | 'minimum' | 'maximum' | 'minItems' | 'maxItems' | 'anyOf';
  /** The limit, the type, the allowed values, the missing property… (what the message names). */
  expected: string | number | readonly string[];
}

let defs: Record<string, JsonSchema> | undefined;
const regexps = new Map<string, RegExp>();

/** The issues of `data` against the contract's schema `name` (or `Name[]`); [] when it fits. */
export function validateAgainst(name: SchemaName | `${SchemaName}[]`, data: unknown): SchemaIssue[] {
  defs ??= contractDocument().$defs;
  const array = name.endsWith('[]');
  const base = array ? name.slice(0, -2) : name;
  if (!(base in defs)) throw new Error(`the contract has no schema ${base}`);
  const ref: JsonSchema = { $ref: `#/$defs/${base}` };
  const issues: SchemaIssue[] = [];
  check(array ? { type: 'array', items: ref } : ref, data, '', issues);
  return issues;
}

function resolve(s: JsonSchema): JsonSchema {
  let out = s;
  for (let hops = 0; out.$ref; hops++) {
    const name = /^(?:ycp-contract)?#\/\$defs\/(.+)$/.exec(out.$ref)?.[1];
    const next = name === undefined ? undefined : defs![name];
    if (!next || hops > 32) throw new Error(`unresolvable $ref ${out.$ref}`);
    out = next;
  }
  return out;
}

// Infinity and NaN are no JSON type (JSON cannot hold them; ajv rejects them as numbers too).
const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : Number.isFinite(v) ? 'number' : 'non-finite') : typeof v;

function hasType(v: unknown, type: string): boolean {
  const actual = typeOf(v);
  return actual === type || (type === 'number' && actual === 'integer');
}

const codePoints = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

function check(schemaIn: JsonSchema, data: unknown, path: string, out: SchemaIssue[]): void {
  const s = resolve(schemaIn);
  if (s.type !== undefined && !hasType(data, s.type)) {
    out.push({ path, keyword: 'type', expected: s.type });
    return; // ajv reports the rest too, but nothing else is meaningful on the wrong type
  }
  if (s.enum && !(typeof data === 'string' && s.enum.includes(data))) out.push({ path, keyword: 'enum', expected: s.enum });
  if (typeof data === 'number') {
    if (s.format === 'int32' && !(Number.isInteger(data) && data <= 2_147_483_647 && data >= -2_147_483_648)) out.push({ path, keyword: 'format', expected: 'int32' });
    if (s.format === 'int64' && !Number.isInteger(data)) out.push({ path, keyword: 'format', expected: 'int64' });
    if (s.minimum !== undefined && data < s.minimum) out.push({ path, keyword: 'minimum', expected: s.minimum });
    if (s.maximum !== undefined && data > s.maximum) out.push({ path, keyword: 'maximum', expected: s.maximum });
  }
  if (typeof data === 'string') {
    if (s.format === 'date-time' && !isDateTime(data)) out.push({ path, keyword: 'format', expected: 'date-time' });
    if (s.minLength !== undefined && codePoints(data) < s.minLength) out.push({ path, keyword: 'minLength', expected: s.minLength });
    if (s.maxLength !== undefined && codePoints(data) > s.maxLength) out.push({ path, keyword: 'maxLength', expected: s.maxLength });
    if (s.pattern !== undefined && !pattern(s.pattern).test(data)) out.push({ path, keyword: 'pattern', expected: s.pattern });
  }
  if (Array.isArray(data)) {
    if (s.minItems !== undefined && data.length < s.minItems) out.push({ path, keyword: 'minItems', expected: s.minItems });
    if (s.maxItems !== undefined && data.length > s.maxItems) out.push({ path, keyword: 'maxItems', expected: s.maxItems });
    if (s.items) data.forEach((item, i) => check(s.items!, item, `${path}/${i}`, out));
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const o = data as Record<string, unknown>;
    for (const r of s.required ?? []) if (o[r] === undefined) out.push({ path, keyword: 'required', expected: r });
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) continue; // not JSON: a body built in JS may carry it; it is never sent
      const p = s.properties && Object.hasOwn(s.properties, k) ? s.properties[k] : undefined;
      const here = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (p) check(p, v, here, out);
      else if (s.additionalProperties === false) out.push({ path: here, keyword: 'additionalProperties', expected: k });
      else if (s.additionalProperties && typeof s.additionalProperties === 'object') check(s.additionalProperties, v, here, out);
    }
  }
  for (const sub of s.allOf ?? []) check(sub, data, path, out);
  if (s.anyOf && !s.anyOf.some((sub) => probe(sub, data, path))) {
    out.push({ path, keyword: 'anyOf', expected: s.anyOf.map((x) => resolve(x).type ?? 'schema') });
  }
}

function probe(s: JsonSchema, data: unknown, path: string): boolean {
  const issues: SchemaIssue[] = [];
  check(s, data, path, issues);
  return issues.length === 0;
}

function pattern(p: string): RegExp {
  let re = regexps.get(p);
  if (!re) regexps.set(p, (re = new RegExp(p, 'u')));
  return re;
}

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;

/** RFC 3339 date-time with a time zone, leap seconds included: ajv-formats' full `date-time`. */
function isDateTime(str: string): boolean {
  const parts = str.split(/t|\s/i);
  if (parts.length !== 2) return false;
  const d = DATE.exec(parts[0]!);
  if (!d) return false;
  const [year, month, day] = [+d[1]!, +d[2]!, +d[3]!];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!))) return false;
  const t = TIME.exec(parts[1]!);
  if (!t || !t[4]) return false;
  const [hr, min, sec] = [+t[1]!, +t[2]!, +t[3]!];
  const sign = t[5] === '-' ? -1 : 1;
  const [tzH, tzM] = [+(t[6] ?? 0), +(t[7] ?? 0)];
  if (tzH > 23 || tzM > 59) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // A leap second is 23:59:60 UTC.
  const utcMin = min - tzM * sign;
  const utcHr = hr - tzH * sign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}
