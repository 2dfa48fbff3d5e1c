// Which requests go through a proxy (src/core/api/proxy.ts): curl's reading of HTTP(S)_PROXY and NO_PROXY,
// decided without undici, and always the same decision as undici's EnvHttpProxyAgent, which carries the
// request when a proxy applies (system-ctx.ts).
import { describe, expect, test } from 'vitest';
import { EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { proxyFor, proxySettings, type ProxyEnv } from '../../../src/core/api/proxy.js';

const P = 'http://proxy.corp:3128';
const HP = 'http://http-proxy.corp:8080';

/** [env, url, proxy expected] */
const CASES: [ProxyEnv, string, string | undefined][] = [
  [{}, 'https://api.ycloud.com/v2', undefined],
  [{ HTTPS_PROXY: P }, 'https://api.ycloud.com/v2', P],
  [{ https_proxy: P }, 'https://api.ycloud.com/v2', P],
  [{ HTTPS_PROXY: P }, 'http://127.0.0.1:8080/v2', undefined], // an https proxy is not for http
  [{ HTTP_PROXY: HP }, 'http://127.0.0.1:8080/v2', HP],
  [{ http_proxy: HP }, 'http://127.0.0.1:8080/v2', HP],
  [{ HTTP_PROXY: HP }, 'https://api.ycloud.com/v2', HP], // https falls back to the http proxy (undici)
  [{ HTTPS_PROXY: P, HTTP_PROXY: HP }, 'https://api.ycloud.com/v2', P],
  [{ HTTPS_PROXY: '', https_proxy: P }, 'https://api.ycloud.com/v2', undefined], // set but empty: off
  [{ HTTPS_PROXY: P, NO_PROXY: '*' }, 'https://api.ycloud.com/v2', undefined],
  [{ HTTPS_PROXY: P, no_proxy: '*' }, 'https://api.ycloud.com/v2', undefined],
  [{ HTTPS_PROXY: P, NO_PROXY: 'ycloud.com' }, 'https://api.ycloud.com/v2', undefined], // subdomain
  [{ HTTPS_PROXY: P, NO_PROXY: '.ycloud.com' }, 'https://api.ycloud.com/v2', undefined],
  [{ HTTPS_PROXY: P, NO_PROXY: '*.ycloud.com' }, 'https://api.ycloud.com/v2', undefined],
  [{ HTTPS_PROXY: P, NO_PROXY: 'ycloud.com' }, 'https://notycloud.com/v2', P], // not a subdomain
  [{ HTTPS_PROXY: P, NO_PROXY: 'API.YCloud.com' }, 'https://api.ycloud.com/v2', undefined], // case
  [{ HTTPS_PROXY: P, NO_PROXY: 'localhost, 127.0.0.1 api.ycloud.com' }, 'https://api.ycloud.com/v2', undefined],
  [{ HTTPS_PROXY: P, NO_PROXY: 'api.ycloud.com:443' }, 'https://api.ycloud.com/v2', undefined], // default port
  [{ HTTPS_PROXY: P, NO_PROXY: 'api.ycloud.com:8443' }, 'https://api.ycloud.com/v2', P], // other port
  [{ HTTP_PROXY: HP, NO_PROXY: '127.0.0.1:8080' }, 'http://127.0.0.1:8080/v2', undefined],
  [{ HTTP_PROXY: HP, NO_PROXY: '127.0.0.1:9090' }, 'http://127.0.0.1:8080/v2', HP],
  [{ HTTP_PROXY: HP, NO_PROXY: '[::1]' }, 'http://[::1]:8080/v2', undefined],
  [{ HTTPS_PROXY: P, NO_PROXY: '*,ycloud.com' }, 'https://other.example/v2', P], // `*` only alone
  [{ HTTPS_PROXY: P, NO_PROXY: '' }, 'https://api.ycloud.com/v2', P],
  [{ HTTPS_PROXY: P, NO_PROXY: 'example.org', no_proxy: 'ycloud.com' }, 'https://api.ycloud.com/v2', P], // NO_PROXY first
];

describe('proxyFor', () => {
  test.each(CASES)('%j %s → %s', (env, url, expected) => {
    expect(proxyFor(url, env)).toBe(expected);
  });

  test('a base URL that does not parse is direct (the client reports it before any request)', () => {
    expect(proxyFor('not a url', { HTTPS_PROXY: P })).toBeUndefined();
  });

  test.each(CASES)('agrees with EnvHttpProxyAgent: %j %s', (env, url, expected) => {
    expect(undiciChoice(env, url)).toBe(expected === undefined ? 'direct' : expected === proxySettings(env).httpsProxy && url.startsWith('https:') ? 'https' : 'http');
  });
});

/** Which of its agents EnvHttpProxyAgent, configured as system-ctx.ts configures it, picks for `url`. */
function undiciChoice(env: ProxyEnv, url: string): 'direct' | 'http' | 'https' {
  const agent = new EnvHttpProxyAgent({ ...proxySettings(env), httpProxy: proxySettings(env).httpProxy ?? '', httpsProxy: proxySettings(env).httpsProxy ?? '', noProxy: proxySettings(env).noProxy ?? '' });
  const symbols = Object.getOwnPropertySymbols(agent);
  const sym = (d: string) => symbols.find((s) => s.description === d)!;
  const picked: string[] = [];
  const spy = (name: string) => ({ dispatch: () => (picked.push(name), true) });
  const direct = spy('direct');
  const a = agent as unknown as Record<symbol, unknown>;
  const httpIsDirect = a[sym('http proxy agent')] === a[sym('no proxy agent')];
  const httpsIsHttp = a[sym('https proxy agent')] === a[sym('http proxy agent')];
  a[sym('no proxy agent')] = direct;
  a[sym('http proxy agent')] = httpIsDirect ? direct : spy('http');
  a[sym('https proxy agent')] = httpsIsHttp ? a[sym('http proxy agent')] : spy('https');
  const u = new URL(url);
  agent.dispatch({ origin: u.origin, path: u.pathname, method: 'GET' } as Dispatcher.DispatchOptions, {} as Dispatcher.DispatchHandler);
  return picked[0] as 'direct' | 'http' | 'https';
}
