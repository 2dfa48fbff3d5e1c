/**
 * `stream`, with the properties of `overrides` read instead of its own (a getter runs on every read) and
 * everything else forwarded (see redacting() for why a Proxy). Methods are bound to the stream, once
 * each: the same function on every read, so a listener removed through the overlay is the one added.
 */
export function overlayStream<T extends object>(stream: T, overrides: object): T {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(stream, {
    get(target, key) {
      if (Object.hasOwn(overrides, key)) return Reflect.get(overrides, key);
      const v: unknown = Reflect.get(target, key, target);
      if (typeof v !== 'function') return v;
      let b = bound.get(key);
      if (!b || (b as { original?: unknown }).original !== v) {
        b = Object.assign((v as (...a: unknown[]) => unknown).bind(target), { original: v });
        bound.set(key, b);
      }
      return b;
    },
  });
}
