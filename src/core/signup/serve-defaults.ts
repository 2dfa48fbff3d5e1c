import type { TunnelKind } from '../tunnel/tunnel.js';

/**
 * What `signup serve` does when not told otherwise: the command's flag defaults and init's offer of it
 * both read these. A module of its own because the command tree loads it for `--help`.
 */
export const SERVE_DEFAULTS = { tunnel: 'auto', waitTimeoutMs: 600_000 } as const satisfies { tunnel: TunnelKind; waitTimeoutMs: number };
