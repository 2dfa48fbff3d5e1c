// ycp's own contract with YCloud: JSON Schemas for every request ycp sends and every response it reads or
// the sandbox serves, written from the facts of YCloud's official OpenAPI spec (API v2, 63 paths / 87
// operations) and the contract notes the code cites as CONTRACT §n, so that the project needs no file
// from outside itself (the spec is third-party: it is not copied here). Tests compile them with ajv
// (test/helpers/contract.ts); test/contract/official-spec.test.ts checks them, property by property,
// against the official `openapi.yaml` when YCP_OFFICIAL_SPEC points at it (CI does).
//
// Rules: enums, `required` lists, formats and length limits exactly as the spec has them; objects stay open
// (the spec never says additionalProperties: false, and YCloud adds fields without notice); an object ycp
// never builds nor reads may be `opaque`. Nothing here is loaded at start-up: import it lazily.
//
// Known quirks of the official spec, each noted where it applies:
// - its examples break their own schemas: E.164 numbers unquoted (YAML reads +16315551111 as a number),
//   `null` in every enum-typed field although nothing is `nullable`, `*Page` examples without offset,
//   limit and length (phone-numbers.ts; test/core/api/contract/schemas.test.ts shows our schema rejecting both);
// - template `name` / `filter.name`: an unanchored `[a-z0-9]{1,512}` against names with `_` (templates.ts);
// - `Error.status`: an integer with a string `pattern` (common.ts);
// - `WhatsappApiError.error_data`: an object in the schema, a string in template errors (common.ts);
// - `WebhookEndpoint.enabledEvents`: strings in responses, `EventType` in requests (webhook-endpoints.ts);
// - `ContactUnsubscribe*` require an `id` they do not declare; `WhatsappUserPreference` has no type
//   (event-payloads.ts);
// - operationIds mixing `_`, `-` and camelCase (operations.ts).
import { businessAccountSchemas } from './business-accounts.js';
import { commonSchemas } from './common.js';
import { eventPayloadSchemas } from './event-payloads.js';
import { eventSchemas } from './events.js';
import { groupSchemas } from './groups.js';
import { inboundMessageSchemas } from './inbound-messages.js';
import { messageSchemas } from './messages.js';
import { phoneNumberSchemas } from './phone-numbers.js';
import type { JsonSchema } from './schema.js';
import { templateSchemas } from './templates.js';
import { unsubscriberSchemas } from './unsubscribers.js';
import { webhookEndpointSchemas } from './webhook-endpoints.js';

export type { JsonSchema } from './schema.js';
export { OPERATIONS, CURSOR_PAGED, type Operation, type HttpMethod } from './operations.js';
export { matchOperation } from './match.js';

export const SCHEMAS = {
  ...commonSchemas,
  ...webhookEndpointSchemas,
  ...businessAccountSchemas,
  ...phoneNumberSchemas,
  ...messageSchemas,
  ...templateSchemas,
  ...eventSchemas,
  ...eventPayloadSchemas,
  ...inboundMessageSchemas,
  ...groupSchemas,
  ...unsubscriberSchemas,
} satisfies Record<string, JsonSchema>;

export type SchemaName = keyof typeof SCHEMAS;

/**
 * The spec never says `nullable`. Where YCloud is seen to send null for a field, list it here with the
 * evidence, and only here: `[schema, field]`. Empty: no such field is confirmed, so null fails everywhere.
 */
export const NULLABLE_FIELDS: readonly (readonly [schema: SchemaName, field: string])[] = [];

export const CONTRACT_ID = 'ycp-contract';

/**
 * The whole contract as one JSON Schema document, `{ $id, $defs }`: add it to ajv once, then compile
 * `{ $ref: 'ycp-contract#/$defs/<Name>' }`. NULLABLE_FIELDS are applied here.
 */
export function contractDocument(): { $id: string; $defs: Record<string, JsonSchema> } {
  const defs: Record<string, JsonSchema> = { ...SCHEMAS };
  for (const [schema, field] of NULLABLE_FIELDS) {
    const s = defs[schema]!;
    const prop = s.properties?.[field];
    if (prop) defs[schema] = { ...s, properties: { ...s.properties, [field]: { anyOf: [prop, { type: 'null' }] } } };
  }
  return { $id: CONTRACT_ID, $defs: defs };
}
