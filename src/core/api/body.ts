// Response bodies are read with a cap (issue 10 §2: a 100 MB answer was read whole, 367 MB RSS).
import { YcpError, type Text } from '../errors.js';
import { msg } from '../../i18n/index.js';

/** Bodies past this are not read: memory stays bounded whatever a server sends (README "Deadlines"). */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * Reads a body up to MAX_RESPONSE_BYTES. Past it (declared or counted) the body is destroyed, so the
 * connection goes and memory stays bounded whatever the server sends.
 */
export async function readCapped(body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }, declared: string | undefined, what: Text, requestId: string | undefined): Promise<string> {
  const tooLarge = () => {
    body.destroy();
    return new YcpError('api', msg('http.tooLarge', { what, mib: MAX_RESPONSE_BYTES / 1024 / 1024 }), { code: 'RESPONSE_TOO_LARGE', requestId, hint: msg('http.tooLargeHint') });
  };
  if (declared !== undefined && Number(declared) > MAX_RESPONSE_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

