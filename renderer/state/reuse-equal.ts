/**
 * `next` with every part that equals the same part of `previous` replaced by that part, so React
 * selectors see the old reference and skip a re-render; `previous` itself when the two are equal.
 * For JSON-like data (plain objects, arrays, primitives). Hand-written: TanStack Query's
 * `replaceEqualDeep` does this but is not worth a query library here.
 */
export function reuseEqual<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return next;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    let reused = false;
    const out = next.map((item: unknown, i) => {
      const kept = reuseEqual(previous[i], item);
      if (kept !== previous[i]) same = false;
      if (kept !== item) reused = true;
      return kept;
    });
    return (same ? previous : reused ? out : next) as T;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    let reused = false;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const kept = reuseEqual(previous[key], next[key]);
      if (!Object.hasOwn(previous, key) || kept !== previous[key]) same = false;
      if (kept !== next[key]) reused = true;
      out[key] = kept;
    }
    return (same ? previous : reused ? out : next) as T;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
