// Average-linkage agglomerative clustering over a sparse similarity graph (a missing pair counts as 0):
// two clusters merge while the mean similarity over all their member pairs reaches the threshold.
// Unlike single linkage, one shared name cannot chain two different stories together.

export interface Edge {
  a: number;
  b: number;
  score: number;
}

/**
 * Merges the initial clusters (lists of item indexes) joined by edges between their items.
 * Returns groups of item indexes, each sorted, ordered by their first item.
 */
export function averageLinkage(initial: number[][], edges: Edge[], threshold: number): number[][] {
  const clusterOf = new Map<number, number>();
  initial.forEach((g, c) => g.forEach((i) => clusterOf.set(i, c)));
  const members = new Map<number, number[]>();
  const links = new Map<number, Map<number, number>>(); // cluster → other cluster → sum of similarities
  initial.forEach((g, c) => (members.set(c, [...g]), links.set(c, new Map())));
  for (const e of edges) {
    const [a, b] = [clusterOf.get(e.a)!, clusterOf.get(e.b)!];
    if (a === b) continue;
    links.get(a)!.set(b, (links.get(a)!.get(b) ?? 0) + e.score);
    links.get(b)!.set(a, (links.get(b)!.get(a) ?? 0) + e.score);
  }
  const heap = new MaxHeap();
  const avg = (a: number, b: number): number =>
    (links.get(a)!.get(b) ?? 0) / (members.get(a)!.length * members.get(b)!.length);
  for (const [a, m] of links) for (const b of m.keys()) if (a < b) heap.push(avg(a, b), a, b);
  for (let top = heap.pop(); top; top = heap.pop()) {
    const [score, a, b] = top;
    if (score < threshold) break;
    if (!members.has(a) || !members.has(b) || avg(a, b) !== score) continue; // stale entry
    // merge b into a (a < b keeps the lower id as the cluster's name)
    members.get(a)!.push(...members.get(b)!);
    members.delete(b);
    const la = links.get(a)!;
    for (const [c, sum] of links.get(b)!) {
      if (c === a) continue;
      la.set(c, (la.get(c) ?? 0) + sum);
      const lc = links.get(c)!;
      lc.set(a, (lc.get(a) ?? 0) + sum);
      lc.delete(b);
    }
    la.delete(b);
    links.delete(b);
    for (const c of la.keys()) heap.push(avg(a, c), Math.min(a, c), Math.max(a, c));
  }
  return [...members.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/** Binary max-heap of [score, a, b]; ties broken by (a, b) so clustering is deterministic. */
class MaxHeap {
  private items: [number, number, number][] = [];
  private before(x: [number, number, number], y: [number, number, number]): boolean {
    return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];
  }
  push(score: number, a: number, b: number): void {
    const h = this.items;
    h.push([score, a, b]);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): [number, number, number] | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
