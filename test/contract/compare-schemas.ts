// Compares one of our contract schemas with the official spec's schema of the same name, walking both
// side by side and resolving `$ref`s on each side. Returns the differences as readable lines; [] when they
// agree. Used only by official-spec.test.ts; reads no file.
//
// What must agree: `type`, `format`, `enum` (values and order), the `required` list, every limit
// (min/max length, pattern, minimum/maximum, min/max items), `default`, `deprecated`, and the property
// names of every object we describe, both ways (so a field YCloud adds to the spec shows up here).
// Where we declared an object `opaque` (no properties), only its type is compared.
import type { JsonSchema } from '../../src/core/api/contract/index.js';

export type SpecSchema = Record<string, unknown>;

const LIMITS = ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems', 'default', 'deprecated'] as const;
/** Validation keywords the contract does not use: if the spec starts to, the comparison must learn them. */
const UNSUPPORTED = [
  'oneOf', 'anyOf', 'not', 'const', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'uniqueItems',
  'minProperties', 'maxProperties', 'nullable', 'discriminator',
] as const;

export interface CompareOptions {
  ours: Record<string, JsonSchema>;
  theirs: Record<string, SpecSchema>;
  /** `at` paths (e.g. `Error.status pattern`) where a difference is a documented quirk, with the reason. */
  allowed?: Record<string, string>;
}

const refName = (s: { $ref?: unknown } | undefined) =>
  typeof s?.$ref === 'string' ? (s.$ref as string).split('/').pop()! : undefined;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function compareSchemas(name: string, o: CompareOptions): string[] {
  const diffs: string[] = [];
  const allowed = o.allowed ?? {};
  const seen = new Set<string>();
  const differ = (at: string, what: string, ours: unknown, theirs: unknown) => {
    if (`${at} ${what}` in allowed) return;
    diffs.push(`${at}: ${what} differs: ours ${JSON.stringify(ours)}, spec ${JSON.stringify(theirs)}`);
  };

  function walk(oursIn: JsonSchema, theirsIn: SpecSchema, at: string): void {
    const oRef = refName(oursIn);
    const tRef = refName(theirsIn);
    // Both sides name the same schema: it is compared on its own (official-spec.test.ts runs every name).
    if (oRef && oRef === tRef && oRef in o.ours && oRef !== name) return;
    if (oRef || tRef) {
      const key = `${oRef ?? at}|${tRef ?? at}`;
      if (seen.has(key)) return; // a cycle, or a pair already compared
      seen.add(key);
    }
    const ours = oRef ? o.ours[oRef] : oursIn;
    const theirs = tRef ? o.theirs[tRef] : theirsIn;
    if (!ours) return void diffs.push(`${at}: our $ref ${oRef} resolves to nothing`);
    if (!theirs) return void diffs.push(`${at}: the spec's $ref ${tRef} resolves to nothing`);

    if (ours.type !== theirs.type) differ(at, 'type', ours.type, theirs.type);
    if (ours.format !== theirs.format) differ(at, 'format', ours.format, theirs.format);
    if ((ours.enum || theirs.enum) && !same(ours.enum, theirs.enum)) differ(at, 'enum', ours.enum, theirs.enum);
    for (const k of LIMITS) if (!same(ours[k], theirs[k])) differ(at, k, ours[k], theirs[k]);
    for (const k of UNSUPPORTED) if (k in theirs) diffs.push(`${at}: the spec uses ${k}, which the contract does not model`);

    const opaque = ours.type === 'object' && !ours.properties && !ours.allOf && ours.additionalProperties === undefined;
    if (opaque) return;

    const tProps = (theirs.properties ?? {}) as Record<string, SpecSchema>;
    const oProps = ours.properties ?? {};
    if (ours.properties || theirs.properties) {
      const oReq = [...(ours.required ?? [])].sort();
      const tReq = [...((theirs.required as string[] | undefined) ?? [])].sort();
      if (!same(oReq, tReq)) differ(at, 'required', oReq, tReq);
    }
    for (const p of Object.keys(oProps)) {
      if (!(p in tProps)) diffs.push(`${at}.${p}: not a property in the spec`);
      else walk(oProps[p]!, tProps[p]!, `${at}.${p}`);
    }
    for (const p of Object.keys(tProps)) if (!(p in oProps)) diffs.push(`${at}.${p}: in the spec, missing from the contract`);

    if (ours.items || theirs.items) {
      if (!ours.items || !theirs.items) differ(at, 'items', !!ours.items, !!theirs.items);
      else walk(ours.items, theirs.items as SpecSchema, `${at}[]`);
    }
    const oAll = ours.allOf ?? [];
    const tAll = (theirs.allOf as SpecSchema[] | undefined) ?? [];
    if (oAll.length !== tAll.length) differ(at, 'allOf length', oAll.length, tAll.length);
    else oAll.forEach((s, i) => walk(s, tAll[i]!, `${at} allOf[${i}]`));

    const oAdd = ours.additionalProperties;
    const tAdd = theirs.additionalProperties as boolean | SpecSchema | undefined;
    if (typeof oAdd === 'object' && typeof tAdd === 'object') walk(oAdd, tAdd, `${at}{}`);
    else if (!same(oAdd, tAdd)) differ(at, 'additionalProperties', oAdd, tAdd);
  }

  const theirs = o.theirs[name];
  if (!theirs) return [`${name}: no schema of that name in the spec`];
  walk(o.ours[name]!, theirs, name);
  return diffs;
}
