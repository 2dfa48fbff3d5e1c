// Requests through an undici Dispatcher: the proxy-aware EnvHttpProxyAgent when HTTP(S)_PROXY applies to
// the target (system-ctx.ts), a MockAgent in tests. undici itself is loaded on the first request.
import type { Dispatcher } from 'undici';
import { loadHttp } from './undici.js';
import { CONNECTION_CODES, connectionError, resetError, type HttpRequest, type HttpResponse, type Transport } from './transport.js';

export function undiciTransport(dispatcher: Dispatcher): Transport {
  return {
    async request(r: HttpRequest): Promise<HttpResponse> {
      const { request } = await loadHttp();
      try {
        const res = await request(r.url, { method: r.method as Dispatcher.HttpMethod, headers: r.headers, body: r.body, dispatcher, signal: r.signal });
        return { status: res.statusCode, headers: res.headers, body: wrapBody(res.body, r.signal) };
      } catch (err) {
        throw r.signal.aborted ? err : normalise(err);
      }
    },
  };
}

function wrapBody(body: Dispatcher.ResponseData['body'], signal: AbortSignal): HttpResponse['body'] {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for await (const chunk of body) yield chunk as Buffer;
      } catch (err) {
        throw signal.aborted ? err : normalise(err);
      }
    },
    destroy: (err?: Error) => body.destroy(err),
  };
}

/** undici's own names for a closed socket and a slow handshake, as the codes every transport uses. */
function normalise(err: unknown): unknown {
  const code = (err as { code?: string })?.code;
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE') return resetError(err);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return connectionError(CONNECTION_CODES.connectTimeout, (err as Error).message, err);
  return err;
}
