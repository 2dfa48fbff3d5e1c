declare const __YCP_VERSION__: string | undefined;
// Replaced by esbuild's define in the bundle; read from package.json when running from source (tests).
export const VERSION: string =
  typeof __YCP_VERSION__ === 'string' ? __YCP_VERSION__ : (await import('../package.json', { with: { type: 'json' } })).default.version;
