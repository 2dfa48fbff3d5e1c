// The cross-check: the project's own contract (src/core/api/contract) against YCloud's official OpenAPI
// spec, and src/core/webhook/signature.ts against YCloud's official signature vectors. The one file of
// the suite that reads outside the repository, and only the paths it is given:
//   YCP_OFFICIAL_SPEC=/path/to/openapi.yaml       (.ci/run sets it when ../shared/ycloud has one)
//   YCP_OFFICIAL_VECTORS=/path/to/vectors.tsv     (default: webhook-signature-vectors.tsv beside the spec)
// Without YCP_OFFICIAL_SPEC everything here is skipped; nothing else in the suite needs the spec.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { OPERATIONS, SCHEMAS } from '../../src/core/api/contract/index.js';
import { EVENT_TYPES } from '../../src/core/webhook/event-types.js';
import { schemaErrors } from '../helpers/contract.js';
import { expectVectorHolds, loadSignatureVectors } from '../helpers/signature-vectors.js';
import { compareSchemas, type SpecSchema } from './compare-schemas.js';

const SPEC_PATH = process.env.YCP_OFFICIAL_SPEC ? resolve(process.env.YCP_OFFICIAL_SPEC) : undefined;
const VECTORS_PATH = process.env.YCP_OFFICIAL_VECTORS
  ? resolve(process.env.YCP_OFFICIAL_VECTORS)
  : SPEC_PATH && join(dirname(SPEC_PATH), 'webhook-signature-vectors.tsv');

interface SpecOperation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema?: SpecSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: SpecSchema }> }>;
}
interface Spec {
  paths: Record<string, Record<string, SpecOperation>>;
  components: { schemas: Record<string, SpecSchema>; parameters: Record<string, SpecSchema> };
}

let spec: Spec | undefined;
/** Parsed on first use, never at collection time: a skipped run reads nothing. */
function official(): Spec {
  return (spec ??= parse(readFileSync(SPEC_PATH!, 'utf8')) as Spec);
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
function specOperations() {
  return Object.entries(official().paths).flatMap(([path, ops]) =>
    Object.entries(ops).filter(([m]) => METHODS.includes(m)).map(([m, op]) => ({ method: m.toUpperCase(), path, op })),
  );
}

/** Our notation for a body schema: a name, `Name[]`, 'none' (no body) or null (a body we do not name). */
function bodyName(content: Record<string, { schema?: SpecSchema }> | undefined): string | null {
  const schema = content?.['application/json']?.schema as { $ref?: string; type?: string; items?: { $ref?: string } } | undefined;
  const name = (ref: string | undefined) => ref?.split('/').pop();
  if (schema?.$ref) return name(schema.$ref)!;
  if (schema?.type === 'array' && schema.items?.$ref) return `${name(schema.items.$ref)}[]`;
  return null;
}

/** Differences that are the spec's own quirks, written down in src/core/api/contract (see index.ts). */
const ALLOWED = {
  'Error.status pattern': 'a string pattern on an integer constrains nothing; ajv strict mode rejects it (common.ts)',
  'WhatsappUserPreference type': 'the spec forgets `type: object` on a schema with properties (event-payloads.ts)',
};

const SUITE = SPEC_PATH
  ? `official spec cross-check against ${SPEC_PATH}`
  : 'official spec cross-check (skipped: set YCP_OFFICIAL_SPEC=<path to openapi.yaml> to run it)';

describe.skipIf(!SPEC_PATH)(SUITE, () => {
  test('every operation of the spec is in our table, and every row of the table is in the spec', () => {
    const theirs = specOperations().map((o) => `${o.method} ${o.path} ${o.op.operationId}`).sort();
    const ours = OPERATIONS.map((o) => `${o.method} ${o.path} ${o.operationId}`).sort();
    expect(ours).toEqual(theirs);
    expect(theirs).toHaveLength(87);
    expect(Object.keys(official().paths)).toHaveLength(63);
  });

  test('each operation names the spec\'s own request and 200 response schemas, or says none / not ours', () => {
    const byKey = new Map(specOperations().map((o) => [`${o.method} ${o.path}`, o.op]));
    const wrong: string[] = [];
    for (const op of OPERATIONS) {
      const theirs = byKey.get(`${op.method} ${op.path}`)!;
      const req = theirs.requestBody ? bodyName(theirs.requestBody.content) ?? 'a non-JSON body' : 'none';
      const ok200 = theirs.responses?.['200'];
      const res = ok200?.content ? bodyName(ok200.content) ?? 'a body' : 'none';
      // null (no schema of ours) is right whenever the spec has a body there; a name must be the spec's.
      if (op.request === null ? req === 'none' : op.request !== req) wrong.push(`${op.operationId} request: ours ${op.request}, spec ${req}`);
      if (op.response === null ? res === 'none' : op.response !== res) wrong.push(`${op.operationId} response: ours ${op.response}, spec ${res}`);
    }
    expect(wrong).toEqual([]);
  });

  test.each(Object.keys(SCHEMAS).map((n) => [n]))('%s agrees with the spec: types, formats, enums, required, limits, properties', (name) => {
    expect(compareSchemas(name, { ours: SCHEMAS, theirs: official().components.schemas, allowed: ALLOWED })).toEqual([]);
  });

  test('the runtime EventType list is the spec\'s enum, in its order', () => {
    expect([...EVENT_TYPES]).toEqual(official().components.schemas.EventType!.enum);
  });

  describe('the quirks our contract notes are still in the spec (when one is fixed, update the note)', () => {
    const s = () => official().components.schemas as Record<string, Record<string, any>>;

    test("the spec's WhatsappPhoneNumber example breaks its schema: E.164 parsed as a number and null enums", () => {
      const example = { ...s().WhatsappPhoneNumber!.example } as Record<string, unknown>;
      expect(typeof example.phoneNumber).toBe('number');
      expect(example.status).toBeNull();
      const errors = schemaErrors('WhatsappPhoneNumber', example);
      expect(errors).toEqual(expect.arrayContaining(['/phoneNumber must be string', '/status must be string']));
      expect(errors.some((e) => e.startsWith('/qualityRating'))).toBe(true);
      // The same example with those two bugs fixed validates against our schema.
      example.phoneNumber = `+${example.phoneNumber}`;
      for (const [k, v] of Object.entries(example)) if (v === null) delete example[k];
      expect(schemaErrors('WhatsappPhoneNumber', example)).toEqual([]);
    });

    test('no schema says nullable, so null in an example is never valid', () => {
      expect(JSON.stringify(official().components)).not.toContain('"nullable"');
    });

    test('template names: an unanchored [a-z0-9]{1,512} pattern, and a filter.name example with underscores', () => {
      expect(s().WhatsappTemplate!.properties.name.pattern).toBe('[a-z0-9]{1,512}');
      const filter = official().paths['/whatsapp/templates']!.get! as unknown as { parameters: { name: string; schema: { pattern: string; example: string } }[] };
      const name = filter.parameters.find((p) => p.name === 'filter.name')!.schema;
      expect(name.pattern).toBe('[a-z0-9]{1,512}');
      expect(name.example).toBe('sample_whatsapp_template');
      expect(new RegExp(`^${name.pattern}$`).test(name.example)).toBe(false);
    });

    test('Error.status: an integer with a string pattern', () => {
      expect(s().Error!.properties.status).toMatchObject({ type: 'integer', pattern: '[45]\\d{2}' });
    });

    test('WhatsappApiError.error_data: an object in the schema, a string in the example', () => {
      expect(s().WhatsappApiError!.properties.error_data.type).toBe('object');
      expect(typeof s().WhatsappApiError!.example.error_data).toBe('string');
    });

    test('WebhookEndpoint.enabledEvents: plain strings in the response, EventType in requests', () => {
      expect(s().WebhookEndpoint!.properties.enabledEvents.items).toEqual({ type: 'string' });
      expect(s().WebhookEndpointCreateRequest!.properties.enabledEvents.items.$ref).toBe('#/components/schemas/EventType');
    });

    test('the unsubscribe payloads require an undeclared id; WhatsappUserPreference has no type', () => {
      for (const n of ['ContactUnsubscribeCreated', 'ContactUnsubscribeDeleted']) {
        expect(s()[n]!.required, n).toEqual(['id']);
        expect(Object.keys(s()[n]!.properties), n).not.toContain('id');
      }
      expect(s().WhatsappUserPreference!.type).toBeUndefined();
    });

    test('path parameter examples write E.164 as a number', () => {
      const params = official().components.parameters as Record<string, { schema: { type: string; example: unknown } }>;
      expect(params['businessPhoneNumber-in_path']!.schema).toMatchObject({ type: 'string', example: 16315551111 });
    });
  });

  const present = !!VECTORS_PATH && existsSync(VECTORS_PATH);
  describe(present ? `official signature vectors in ${VECTORS_PATH}` : 'official signature vectors (skipped: no webhook-signature-vectors.tsv beside the spec, and no YCP_OFFICIAL_VECTORS)', () => {
    const vectors = () => loadSignatureVectors(VECTORS_PATH!);

    test.skipIf(!present)('there are ten of them, three valid', () => {
      expect(vectors()).toHaveLength(10);
      expect(vectors().filter((v) => v.valid)).toHaveLength(3);
    });

    test.skipIf(!present)('each gives the verdict and reason it states, and its signature is reproduced', () => {
      for (const v of vectors()) {
        try {
          expectVectorHolds(v);
        } catch (err) {
          throw new Error(`official vector ${v.id}: ${(err as Error).message}`);
        }
      }
    });
  });
});
