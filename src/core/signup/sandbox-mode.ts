// Sandbox mode: the API base URL is on loopback (`ycp sandbox`). The page then loads the sandbox's
// fake SDK, needs no tunnel, and can be scaffolded without Meta IDs: placeholders stand in for them,
// marked in the page so it is never served against the real API by mistake.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A URL's `hostname` that names this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

export function isSandboxBaseUrl(baseUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

/** Digit strings (the page checks the shape) that no real Meta app has. */
export const SANDBOX_PAGE_IDS = { appId: '100000000000001', configId: '200000000000002', solutionId: '300000000000003' } as const;

/** The config-block key listing which IDs are sandbox placeholders. */
export const PLACEHOLDERS_KEY = 'sandboxPlaceholders';
