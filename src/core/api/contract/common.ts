// Errors, pages and the balance (CONTRACT §1, §3, §4). Facts from the official spec's
// `Error`, `ErrorResponse`, `WhatsappApiError`, `Page` and `Balance`.
import { type JsonSchema, arrayOf, double, int32, opaque, ref, str } from './schema.js';

export const commonSchemas = {
  /** Every non-2xx body: `{ "error": Error }`. */
  ErrorResponse: { type: 'object', required: ['error'], properties: { error: ref('Error') } },

  Error: {
    type: 'object',
    required: ['code', 'status'],
    properties: {
      // Spec quirk: `status` is an integer that also carries `pattern: [45]\d{2}`. A pattern applies to
      // strings only, so it constrains nothing; we leave it out (ajv's strict mode would reject it).
      status: int32,
      code: str,
      message: str,
      target: str,
      docUrl: str,
      requestId: str,
      whatsappApiError: ref('WhatsappApiError'),
    },
  },

  /** Meta's original error, passed through (mostly from sendDirectly). */
  WhatsappApiError: {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      message: str,
      code: str,
      type: str,
      error_subcode: str,
      error_user_msg: str,
      error_user_title: str,
      fbtrace_id: str,
      // Spec quirk: declared an object, but CONTRACT §1 says template APIs send a string here, and the
      // spec's own example is a string. We keep the spec's type; when a real string shows up, allow it here.
      error_data: opaque,
    },
  },

  /** Offset pages: walk while `length == limit`; `total` only with includeTotal=true. */
  Page: {
    type: 'object',
    required: ['length', 'limit', 'offset'],
    properties: {
      offset: { ...int32, minimum: 0 },
      limit: { ...int32, minimum: 1 },
      length: { ...int32, minimum: 0 },
      total: { ...int32, minimum: 0 },
      items: arrayOf(opaque),
    },
  },

  Balance: { type: 'object', required: ['amount', 'currency'], properties: { amount: double, currency: str } },
} satisfies Record<string, JsonSchema>;
