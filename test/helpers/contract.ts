// Validates what ycp sends and what stubs/the sandbox return against the official spec
// (../shared/ycloud/openapi.yaml), loaded once per worker.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

export const SPEC_PATH = fileURLToPath(new URL('../../../shared/ycloud/openapi.yaml', import.meta.url));

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Spec = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

/**
 * The spec never says `nullable`. Where YCloud really sends null for a field, list it here with the
 * evidence, and only here. Empty: no such field is confirmed, so null fails validation everywhere.
 */
export const NULLABLE_FIELDS: readonly (readonly [schema: string, field: string])[] = [];

let loaded: { spec: Spec; ajv: Ajv; cache: Map<string, ValidateFunction> } | undefined;

export function loadSpec() {
  if (loaded) return loaded;
  const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
  for (const [schema, field] of NULLABLE_FIELDS) {
    const s = spec.components.schemas[schema] as { properties?: Record<string, unknown> };
    const prop = s.properties?.[field];
    if (prop) s.properties![field] = { anyOf: [prop, { type: 'null' }] };
  }
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, discriminator: false });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addSchema({ $id: 'spec', components: spec.components });
  loaded = { spec, ajv, cache: new Map() };
  return loaded;
}

function validatorFor(ref: string): ValidateFunction {
  const { ajv, cache } = loadSpec();
  let v = cache.get(ref);
  if (!v) {
    v = ajv.compile({ $ref: `spec${ref}` });
    cache.set(ref, v);
  }
  return v;
}

const fmt = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`);

/** Errors of `data` against `#/components/schemas/<name>`; [] when valid. */
export function schemaErrors(name: string, data: unknown): string[] {
  const v = validatorFor(`#/components/schemas/${name}`);
  return v(data) ? [] : fmt(v.errors);
}

function toRef(schema: unknown): string | undefined {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref?.startsWith('#/') ? ref : undefined;
}

/** Finds the spec operation for a concrete path such as /whatsapp/phoneNumbers/123/%2B1555. */
export function findOperation(method: string, path: string): { template: string; op: Operation } | undefined {
  const { spec } = loadSpec();
  const clean = path.split('?')[0]!.replace(/^\/v2(?=\/)/, '');
  const segs = clean.split('/');
  let best: { template: string; op: Operation; score: number } | undefined;
  for (const [template, ops] of Object.entries(spec.paths)) {
    const t = template.split('/');
    if (t.length !== segs.length) continue;
    let score = 0;
    const ok = t.every((s, i) => {
      if (s.startsWith('{')) return segs[i] !== '';
      if (s === segs[i]) return ++score > 0;
      return false;
    });
    const op = ops[method.toLowerCase()];
    if (ok && op && (!best || score > best.score)) best = { template, op, score };
  }
  return best && { template: best.template, op: best.op };
}

export function requestErrors(method: string, path: string, body: unknown): string[] {
  const found = findOperation(method, path);
  if (!found) return [`no operation ${method} ${path} in the spec`];
  const schema = found.op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return body === undefined || body === null || body === '' ? [] : [`${method} ${found.template} takes no body`];
  const ref = toRef(schema);
  if (!ref) return [];
  const v = validatorFor(ref);
  return v(body) ? [] : fmt(v.errors).map((e) => `request ${method} ${found.template}: ${e}`);
}

export function responseErrors(method: string, path: string, status: number, body: unknown): string[] {
  const found = findOperation(method, path);
  if (!found) return [`no operation ${method} ${path} in the spec`];
  if (status >= 400) {
    const errs = schemaErrors('ErrorResponse', body);
    return errs.map((e) => `error response ${status}: ${e}`);
  }
  const res = found.op.responses?.[String(status)] ?? found.op.responses?.['200'] ?? found.op.responses?.default;
  const schema = res?.content?.['application/json']?.schema;
  if (!schema) return body === undefined || body === '' ? [] : [];
  const ref = toRef(schema);
  if (!ref) return [];
  const v = validatorFor(ref);
  return v(body) ? [] : fmt(v.errors).map((e) => `response ${method} ${found.template} ${status}: ${e}`);
}

export function assertValidResponse(method: string, path: string, status: number, body: unknown): void {
  const errs = responseErrors(method, path, status, body);
  if (errs.length) throw new Error(`contract violation:\n  ${errs.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 500)}`);
}

export function assertValidRequest(method: string, path: string, body: unknown): void {
  const errs = requestErrors(method, path, body);
  if (errs.length) throw new Error(`contract violation:\n  ${errs.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 500)}`);
}

export function schemaExample(name: string): unknown {
  return (loadSpec().spec.components.schemas[name] as { example?: unknown }).example;
}

/** Every `EventType` value in the spec, e.g. for `--events` defaults. */
export function specEnum(name: string): string[] {
  return ((loadSpec().spec.components.schemas[name] as { enum?: string[] }).enum ?? []).slice();
}
