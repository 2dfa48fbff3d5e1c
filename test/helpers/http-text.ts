import { request } from 'node:http';

/** One plain HTTP request to a local test server, answered as text. */
export function httpText(base: string, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    // No keep-alive pool: a pooled socket to a server that has just closed would read as ECONNRESET.
    const req = request(new URL(path, base), { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
