// Unsubscribers (opt-outs) and the cursor of cursor-paged lists: `Unsubscriber`, its create request, its
// enums, `UnsubscriberPage` and `PageCursor` of the official spec. ycp has no command for them; `ycp api
// /unsubscribers` reaches them, and the sandbox serves the list with cursor paging (CONTRACT §3: the
// only cursor-paged list of the spec, `pageAfter` in, `cursor.after` out, beside the usual page fields).
import { type JsonSchema, dateTime, ref, str, strEnum } from './schema.js';

export const unsubscriberSchemas = {
  Unsubscriber: {
    type: 'object',
    properties: {
      type: ref('UnsubscriberType'),
      /** E.164 for type PHONE_NUMBER. */
      customer: str,
      channel: ref('UnsubscriberChannel'),
      regionCode: str,
      source: strEnum('Whatsapp', 'API', 'Manual'),
      createTime: dateTime,
    },
  },

  UnsubscriberCreateRequest: {
    type: 'object',
    required: ['channel', 'customer', 'type'],
    properties: { type: ref('UnsubscriberType'), customer: str, channel: ref('UnsubscriberChannel'), regionCode: str },
  },

  UnsubscriberChannel: strEnum('whatsapp'),
  UnsubscriberType: strEnum('PHONE_NUMBER'),

  /** `allOf: [Page]`, the items and the cursor: `cursor.after` is present only when there are more. */
  UnsubscriberPage: {
    type: 'object',
    allOf: [ref('Page')],
    properties: { items: { type: 'array', items: ref('Unsubscriber') }, cursor: ref('PageCursor') },
  },

  PageCursor: { type: 'object', properties: { after: str } },
} satisfies Record<string, JsonSchema>;
