// Fault injection per route, so clients can be tested against 429s, 5xx, slow answers, dropped
// connections and broken JSON. A fault may be limited to N hits, then it removes itself.
import type { Body } from './check.js';
import { int, oneOf, str } from './check.js';
import { SandboxError, invalid } from './http.js';
import { hex } from './ids.js';

export const FAULT_KINDS = ['rate_limit', 'error', 'latency', 'drop', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: string;
  kind: FaultKind;
  /** Only this method (any when absent). */
  method?: string;
  /** A path under /v2; `*` matches any run of characters, e.g. `/v2/whatsapp/phoneNumbers*`. */
  path: string;
  /** Hits left; undefined = until removed. */
  times?: number;
  status?: number;
  retryAfter?: number;
  latencyMs?: number;
  hits: number;
}

export interface Faults {
  list(): Fault[];
  add(spec: Body): Fault;
  remove(id: string): boolean;
  clear(): void;
  /** The fault for this request, counting the hit. */
  take(method: string, path: string): Fault | undefined;
}

export function createFaults(): Faults {
  let faults: (Fault & { re: RegExp })[] = [];
  return {
    list: () => faults.map(({ re: _re, ...f }) => f),
    add(spec) {
      const kind = oneOf('kind', str(spec, 'kind', 'kind', { required: true }), FAULT_KINDS)!;
      let path = str(spec, 'path', 'path', { required: true })!;
      if (!path.startsWith('/')) throw invalid('path', 'path must start with /');
      if (!path.startsWith('/v2/') && path !== '/v2') path = `/v2${path}`;
      const method = str(spec, 'method')?.toUpperCase();
      const times = int(spec, 'times', 'times', 1, 1_000_000);
      const status = int(spec, 'status', 'status', 500, 599) ?? (kind === 'error' ? 503 : undefined);
      const retryAfter = int(spec, 'retryAfter', 'retryAfter', 0, 86_400) ?? (kind === 'rate_limit' ? 1 : undefined);
      const latencyMs = int(spec, 'latencyMs', 'latencyMs', 0, 120_000) ?? (kind === 'latency' ? 1_000 : undefined);
      const re = new RegExp(`^${path.split('*').map(escape).join('.*')}$`);
      const f = { id: `flt_${hex(6)}`, kind, method, path, times, status, retryAfter, latencyMs, hits: 0, re };
      faults.push(f);
      const { re: _re, ...shown } = f;
      return shown;
    },
    remove(id) {
      const before = faults.length;
      faults = faults.filter((f) => f.id !== id);
      return faults.length !== before;
    },
    clear() {
      faults = [];
    },
    take(method, path) {
      const f = faults.find((x) => (!x.method || x.method === method) && x.re.test(path));
      if (!f) return undefined;
      f.hits++;
      if (f.times !== undefined && --f.times <= 0) faults = faults.filter((x) => x !== f);
      return f;
    },
  };
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** The error a rate_limit or error fault answers with, in YCloud's shape. */
export function faultError(f: Fault): SandboxError {
  if (f.kind === 'rate_limit') {
    return new SandboxError(429, 'TOO_MANY_REQUESTS', 'too many requests (injected by the sandbox)', {
      headers: { 'retry-after': String(f.retryAfter ?? 1) },
    });
  }
  const status = f.status ?? 503;
  return new SandboxError(status, status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', `server error ${status} (injected by the sandbox)`);
}
