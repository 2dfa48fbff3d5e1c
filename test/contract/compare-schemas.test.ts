// The comparison official-spec.test.ts relies on, on small made-up schemas, so that it is tested even
// where the official spec is absent.
import { describe, expect, test } from 'vitest';
import type { JsonSchema } from '../../src/core/api/contract/index.js';
import { compareSchemas, type SpecSchema } from './compare-schemas.js';

const spec: Record<string, SpecSchema> = {
  Thing: {
    type: 'object',
    required: ['id', 'kind'],
    properties: {
      id: { type: 'string', maxLength: 10 },
      kind: { $ref: '#/components/schemas/Kind' },
      at: { type: 'string', format: 'date-time' },
      inner: { type: 'object', required: ['x'], properties: { x: { type: 'integer' } } },
    },
  },
  Kind: { type: 'string', enum: ['a', 'b'] },
};
const good: Record<string, JsonSchema> = {
  Thing: {
    type: 'object',
    required: ['kind', 'id'],
    properties: {
      id: { type: 'string', maxLength: 10 },
      kind: { $ref: '#/$defs/Kind' },
      at: { type: 'string', format: 'date-time' },
      inner: { type: 'object' }, // opaque: only the type is compared
    },
  },
  Kind: { type: 'string', enum: ['a', 'b'] },
};
const diff = (ours: Record<string, JsonSchema>, name = 'Thing', allowed?: Record<string, string>) => compareSchemas(name, { ours, theirs: spec, allowed });
const thing = (props: Record<string, JsonSchema>, more: JsonSchema = {}) => ({ ...good, Thing: { ...good.Thing, ...more, properties: { ...good.Thing!.properties, ...props } } });

describe('compareSchemas', () => {
  test('agrees with the same facts written our way: refs on either side, required in any order, opaque objects', () => {
    expect(diff(good)).toEqual([]);
    expect(diff(thing({ kind: { type: 'string', enum: ['a', 'b'] } }))).toEqual([]); // inline where the spec refers
  });

  test('finds a different type, format, limit, enum (order too) and required list', () => {
    expect(diff(thing({ id: { type: 'integer' } }))).toEqual(['Thing.id: type differs: ours "integer", spec "string"', 'Thing.id: maxLength differs: ours undefined, spec 10']);
    expect(diff(thing({ at: { type: 'string' } }))).toEqual(['Thing.at: format differs: ours undefined, spec "date-time"']);
    expect(diff({ ...good, Kind: { type: 'string', enum: ['b', 'a'] } }, 'Kind')).toEqual(['Kind: enum differs: ours ["b","a"], spec ["a","b"]']);
    expect(diff(thing({}, { required: ['id'] }))).toEqual(['Thing: required differs: ours ["id"], spec ["id","kind"]']);
  });

  test('finds a property on one side only, and a described inner object that differs', () => {
    expect(diff(thing({ extra: { type: 'string' } }))).toEqual(['Thing.extra: not a property in the spec']);
    const { at: _at, ...rest } = good.Thing!.properties!;
    expect(diff({ ...good, Thing: { ...good.Thing, properties: rest } })).toEqual(['Thing.at: in the spec, missing from the contract']);
    expect(diff(thing({ inner: { type: 'object', properties: { x: { type: 'integer' } } } }))).toEqual(['Thing.inner: required differs: ours [], spec ["x"]']);
  });

  test('a documented quirk is let through by its exact place and keyword', () => {
    expect(diff(thing({ at: { type: 'string' } }), 'Thing', { 'Thing.at format': 'why' })).toEqual([]);
    expect(diff(thing({ at: { type: 'string' } }), 'Thing', { 'Thing.id format': 'why' })).toHaveLength(1);
  });
});
