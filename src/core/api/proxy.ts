// Whether a request goes through a proxy, decided without loading undici: when one applies, system-ctx.ts
// hands the request to undici's EnvHttpProxyAgent (configured from the same variables), otherwise to a
// direct node:http connection. The rules are that agent's, so both always agree
// (test/core/api/proxy.test.ts checks them against it): HTTPS_PROXY (else https_proxy) for https, falling
// back to the HTTP proxy; HTTP_PROXY (else http_proxy) for http; NO_PROXY (else no_proxy) as curl reads it:
// `*` for everything, comma- or space-separated hosts, each matching itself and its subdomains (a leading
// `.` or `*.` is ignored), optionally with a port.

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** The variables as system-ctx passes them to EnvHttpProxyAgent. */
export function proxySettings(env: ProxyEnv): { httpProxy?: string; httpsProxy?: string; noProxy?: string } {
  return {
    httpProxy: env.HTTP_PROXY ?? env.http_proxy,
    httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
    noProxy: env.NO_PROXY ?? env.no_proxy,
  };
}

/**
 * The proxy URL a request to `url` goes through, or undefined for a direct connection (also for a URL that
 * does not parse: the client reports a bad base URL before any request).
 */
export function proxyFor(target: string | URL, env: ProxyEnv): string | undefined {
  const url = typeof target === 'string' ? (URL.canParse(target) ? new URL(target) : undefined) : target;
  if (!url) return undefined;
  const s = proxySettings(env);
  const proxy = url.protocol === 'https:' ? s.httpsProxy || s.httpProxy : url.protocol === 'http:' ? s.httpProxy : undefined;
  if (!proxy) return undefined;
  return bypassed(url, s.noProxy ?? '') ? undefined : proxy;
}

function bypassed(url: URL, noProxy: string): boolean {
  const entries = noProxy.split(/[,\s]/).filter(Boolean);
  if (entries.length === 0) return false;
  if (noProxy === '*') return true;
  // `host` keeps the brackets of an IPv6 address; the port goes.
  const host = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
  return entries.some((entry) => {
    const m = /^(.+):(\d+)$/.exec(entry);
    const name = (m ? m[1]! : entry).replace(/^\*?\./, '').toLowerCase();
    const p = m ? Number.parseInt(m[2]!, 10) : 0;
    if (p && p !== port) return false;
    return host === name || host.endsWith(`.${name}`);
  });
}
