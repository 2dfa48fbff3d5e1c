import type { TunnelKind } from '../tunnel/tunnel.js';

/**
 * What `signup serve` does when not told otherwise: the command's flag defaults and init's offer of it
 * both read these. The wait is spelled as `--timeout` takes it, the form its help shows. A module of its
 * own because the command tree loads it for `--help`.
 */
export const SERVE_DEFAULTS = { tunnel: 'auto', waitTimeout: '10m' } as const satisfies { tunnel: TunnelKind; waitTimeout: string };
