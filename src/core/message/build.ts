import type { MessageSendRequest } from '../api/types.js';
import { usageError } from '../errors.js';
import { msg } from '../../i18n/index.js';
import { checkE164 } from '../validate.js';

export interface SendInput {
  from: string;
  to: string;
  text?: string;
  template?: string;
  language?: string;
  params?: string[];
  externalId?: string;
}

/** CONTRACT §9: `from` and `type` are required; exactly one of text or template. */
export function buildSendRequest(i: SendInput): MessageSendRequest {
  const from = checkE164('--from', i.from);
  const to = checkE164('--to', i.to);
  if (i.text !== undefined && i.template !== undefined) throw usageError(msg('messages.textAndTemplate'));
  const base = { from, to, ...(i.externalId ? { externalId: i.externalId } : {}) };
  if (i.text !== undefined) {
    if (!i.text || i.text.length > 4096) throw usageError(msg('messages.textLength'));
    if (i.params?.length) throw usageError(msg('messages.paramNeedsTemplate'));
    return { ...base, type: 'text', text: { body: i.text, preview_url: false } };
  }
  if (i.template !== undefined) {
    if (!i.language) throw usageError(msg('messages.languageNeeded'), msg('messages.languageHint'));
    const params = i.params ?? [];
    return {
      ...base,
      type: 'template',
      template: {
        name: i.template,
        language: { code: i.language },
        ...(params.length ? { components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text' as const, text })) }] } : {}),
      },
    };
  }
  throw usageError(msg('messages.nothingToSend'));
}

const RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3 };

/** Status webhooks can arrive out of order: "reached" means at or past the wanted rank. */
export function reached(status: string | undefined, wanted: string): boolean {
  return status !== undefined && (RANK[status] ?? -1) >= (RANK[wanted] ?? Infinity);
}
