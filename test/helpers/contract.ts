// Validates what ycp sends and what stubs/the sandbox return against the project's own contract
// (src/core/api/contract), compiled once per worker with ajv. No file outside the repository is read:
// test/contract/official-spec.test.ts is the one place that compares the contract with YCloud's spec.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  CONTRACT_ID, SCHEMAS, contractDocument, matchOperation, type JsonSchema, type Operation, type SchemaName,
} from '../../src/core/api/contract/index.js';

let loaded: { ajv: Ajv; cache: Map<string, ValidateFunction> } | undefined;

function contract() {
  if (loaded) return loaded;
  // strictTypes: a schema that says `properties` without `type: object` (or a keyword on the wrong type)
  // is a mistake in the contract, not in the data: fail at compile time.
  const ajv = new Ajv({ allErrors: true, strictTypes: true });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addSchema(contractDocument());
  loaded = { ajv, cache: new Map() };
  return loaded;
}

/** The validator of a schema name, or of `Name[]` (a JSON array of Name). */
function validatorFor(name: string): ValidateFunction {
  const { ajv, cache } = contract();
  let v = cache.get(name);
  if (!v) {
    const array = name.endsWith('[]');
    const base = array ? name.slice(0, -2) : name;
    if (!(base in SCHEMAS)) throw new Error(`the contract has no schema ${base}`);
    const ref = { $ref: `${CONTRACT_ID}#/$defs/${base}` };
    v = ajv.compile(array ? { type: 'array', items: ref } : ref);
    cache.set(name, v);
  }
  return v;
}

const fmt = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`);

const isEmpty = (body: unknown) => body === undefined || body === null || body === '';

/** Errors of `data` against the contract's schema `name`; [] when valid. */
export function schemaErrors(name: SchemaName | `${SchemaName}[]`, data: unknown): string[] {
  const v = validatorFor(name);
  return v(data) ? [] : fmt(v.errors);
}

/** A schema of the contract, as written (e.g. to list the properties of `Event`). */
export function contractSchema(name: SchemaName): JsonSchema {
  return SCHEMAS[name] as JsonSchema;
}

/** The values of an enum schema, e.g. `EventType`. */
export function contractEnum(name: SchemaName): string[] {
  return [...((SCHEMAS[name] as JsonSchema).enum ?? [])];
}

/** Finds the operation for a concrete path such as /v2/whatsapp/phoneNumbers/123/%2B1555?x=1. */
export function findOperation(method: string, path: string): { template: string; op: Operation } | undefined {
  const op = matchOperation(method, path.split('?')[0]!.replace(/^\/v2(?=\/)/, ''));
  return op && { template: op.path, op };
}

export function requestErrors(method: string, path: string, body: unknown): string[] {
  const found = findOperation(method, path);
  if (!found) return [`no operation ${method} ${path} in the contract`];
  const { op, template } = found;
  if (op.request === 'none') return isEmpty(body) ? [] : [`${method} ${template} takes no body`];
  // Every request ycp sends must be covered: a missing schema is a gap in the contract, not a pass.
  if (op.request === null) return [`${method} ${template} (${op.operationId}): the contract has no request schema; write one`];
  return schemaErrors(op.request as SchemaName, body).map((e) => `request ${method} ${template}: ${e}`);
}

export function responseErrors(method: string, path: string, status: number, body: unknown): string[] {
  const found = findOperation(method, path);
  if (!found) return [`no operation ${method} ${path} in the contract`];
  const { op, template } = found;
  if (status >= 400) return schemaErrors('ErrorResponse', body).map((e) => `error response ${status}: ${e}`);
  if (op.response === 'none') return isEmpty(body) ? [] : [`${method} ${template} answers 200 without a body`];
  if (op.response === null) return [`${method} ${template} (${op.operationId}): the contract has no response schema; write one`];
  return schemaErrors(op.response as SchemaName, body).map((e) => `response ${method} ${template} ${status}: ${e}`);
}

export function assertValidResponse(method: string, path: string, status: number, body: unknown): void {
  const errs = responseErrors(method, path, status, body);
  if (errs.length) throw new Error(`contract violation:\n  ${errs.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 500)}`);
}

export function assertValidRequest(method: string, path: string, body: unknown): void {
  const errs = requestErrors(method, path, body);
  if (errs.length) throw new Error(`contract violation:\n  ${errs.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 500)}`);
}
