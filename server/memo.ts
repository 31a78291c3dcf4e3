// Bounded memo tables for pure functions of words and texts. The batch meets the same words (and, within a
// story, the same documents) thousands of times; a lookup is much cheaper than recomputing WordNet
// morphology, frequency ranks or a spin pass. A table is cleared whole when full: memory stays bounded
// whatever the input, and the hot entries come back at once.

export class Memo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K, make: (key: K) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const v = make(key);
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, v);
    return v;
  }
}

/** One-argument function memoised on its argument. */
export function memoise<K, V>(fn: (key: K) => V, max = 100_000): (key: K) => V {
  const m = new Memo<K, V>(max);
  return (key) => m.get(key, fn);
}

/**
 * Memo tables per variant (a language, a part of speech, a set of thresholds), each keyed by the word or
 * text itself: a key string built per call ("en:" + text) has to be assembled and hashed every time, which
 * cost as much as some of the look-ups it saved.
 */
export class MemoFamily<K, V> {
  private readonly tables = new Map<string, Memo<K, V>>();

  constructor(private readonly max: number) {}

  table(variant: string): Memo<K, V> {
    let t = this.tables.get(variant);
    if (!t) this.tables.set(variant, (t = new Memo<K, V>(this.max)));
    return t;
  }
}
