// The JSON Schema subset the contract is written in: plain objects that ajv compiles as draft-07 (and that
// read the same under 2020-12). Typed, so a misspelt keyword fails the typecheck instead of being ignored.
// Schemas refer to each other by name through `ref`, resolved against the one `$defs` map in index.ts.

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

export interface JsonSchema {
  $ref?: string;
  type?: JsonType;
  format?: 'int32' | 'int64' | 'double' | 'date-time';
  enum?: readonly string[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  allOf?: readonly JsonSchema[];
  /** Only for NULLABLE_FIELDS (index.ts). */
  anyOf?: readonly JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  deprecated?: boolean;
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

export const str: JsonSchema = { type: 'string' };
export const bool: JsonSchema = { type: 'boolean' };
export const int32: JsonSchema = { type: 'integer', format: 'int32' };
export const int64: JsonSchema = { type: 'integer', format: 'int64' };
export const double: JsonSchema = { type: 'number', format: 'double' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const arrayOf = (items: JsonSchema, more: JsonSchema = {}): JsonSchema => ({ type: 'array', items, ...more });
export const strEnum = (...values: string[]): JsonSchema => ({ type: 'string', enum: values });

/**
 * An object whose inside ycp neither builds nor reads (interactive messages, orders, carousel cards …).
 * The official spec describes it; we keep only "it is an object", so the cross-check compares the type and
 * stops there. Write its properties out when ycp starts to use it.
 */
export const opaque: JsonSchema = { type: 'object' };

/** The `*Page` schemas: `allOf: [Page]` plus typed `items`, as the spec writes them (CONTRACT §3). */
export const pageOf = (item: string): JsonSchema => ({
  type: 'object',
  allOf: [ref('Page')],
  properties: { items: arrayOf(ref(item)) },
});
