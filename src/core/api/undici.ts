type Undici = typeof import('undici');
let cached: Promise<Undici> | undefined;

/**
 * undici, imported on first use. In the esbuild bundle a dynamic import of this CommonJS package
 * yields `{ default: module.exports }` without named exports, so unwrap it here once.
 */
export function loadUndici(): Promise<Undici> {
  cached ??= import('undici').then((m) => {
    const d = (m as unknown as { default?: Undici }).default;
    return d && typeof d.request === 'function' ? d : m;
  });
  return cached;
}
