// ARCHITECTURE §7: a Tunnel turns a local port into a public HTTPS URL. Providers: cloudflared,
// ngrok, static (--public-url), and fakes in tests. Meta only hands the signup result to listed
// domains, so callers print the exact hostname to add.
import { ENUMS } from '../enums.js';

export type TunnelKind = (typeof ENUMS.tunnel)[number];
/** The enum table's row (core/enums.ts), for `--tunnel`. */
export const TUNNEL_KINDS: TunnelKind[] = [...ENUMS.tunnel];

export type TunnelStatus =
  | { state: 'starting' }
  | { state: 'connected'; url: string }
  | { state: 'failed'; message: string; hint?: string };

export interface Tunnel {
  readonly provider: string;
  /** Starts forwarding to 127.0.0.1:port; resolves with the public https URL. */
  start(port: number, signal: AbortSignal): Promise<{ url: string }>;
  status(): TunnelStatus;
  /** Idempotent; safe to call when start never finished. */
  stop(): Promise<void>;
  /** True when the hostname changes every run (quick tunnels): callers warn about Allowed Domains. */
  readonly ephemeral: boolean;
}

/** The partner's own HTTPS host (a reverse proxy they run): nothing to start. */
export function staticTunnel(publicUrl: string): Tunnel {
  let status: TunnelStatus = { state: 'starting' };
  return {
    provider: 'static',
    ephemeral: false,
    async start() {
      status = { state: 'connected', url: publicUrl };
      return { url: publicUrl };
    },
    status: () => status,
    async stop() {},
  };
}
