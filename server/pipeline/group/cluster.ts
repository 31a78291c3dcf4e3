import type { DocFeatures } from './features.js';

// Story discovery over hashed features: idf-weighted cosine similarity between documents (anchors across
// languages, words within one), computed through inverted indexes so only documents that share a
// reasonably rare feature are ever compared; pairs above a threshold are joined (union-find).
// A feature every document has (Putin, in a batch about Putin) weighs almost nothing: log(1 + N/df).

export interface ClusterOptions {
  /** Minimum similarity for two documents to be versions of one story. */
  threshold: number;
  /** Features in more than this share of documents are not used to find candidates (they still weigh little). */
  maxDfShare: number;
  /**
   * Evidence needed for full weight, in units of the rarest feature's weight: two short texts sharing
   * one common name have a high cosine but say little, so a similarity is scaled down by
   * min(1, shared weight / (minEvidence × max weight)).
   */
  minEvidence: number;
  /**
   * Only mutual nearest neighbours are linked: a pair counts when each document is among the other's
   * `neighbours` most similar documents. A story has a handful of versions; a document that resembles
   * dozens of others (a short text, a common topic) gets no say beyond its closest few.
   */
  neighbours: number;
}
export const DEFAULT_CLUSTER: ClusterOptions = { threshold: 0.05, maxDfShare: 0.05, minEvidence: 4, neighbours: 3 };

/** The similarities where each document is among the other's k most similar. */
function mutualNeighbours(sims: Similarity[], k: number): Similarity[] {
  const top = new Map<number, Similarity[]>();
  const add = (d: number, s: Similarity) => (top.get(d) ?? top.set(d, []).get(d)!).push(s);
  for (const s of sims) (add(s.a, s), add(s.b, s));
  const keep = new Set<Similarity>();
  const rank = (x: Similarity, y: Similarity) => y.score - x.score || x.a - y.a || x.b - y.b;
  const inTop = new Map<number, Set<Similarity>>();
  for (const [d, list] of top) inTop.set(d, new Set(list.sort(rank).slice(0, k)));
  for (const s of sims) if (inTop.get(s.a)!.has(s) && inTop.get(s.b)!.has(s)) keep.add(s);
  return sims.filter((s) => keep.has(s));
}

export interface Similarity {
  a: number;
  b: number;
  anchors: number;
  words: number;
  lex: number;
  score: number;
}

type Pick = (f: DocFeatures) => Uint32Array;

interface Index {
  idf: Map<number, number>;
  postings: Map<number, number[]>;
  norms: Float64Array;
}

function buildIndex(docs: DocFeatures[], pick: Pick, maxDf: number): Index {
  const df = new Map<number, number>();
  for (const d of docs) for (const f of pick(d)) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<number, number>();
  for (const [f, c] of df) idf.set(f, Math.log(1 + n / c));
  const postings = new Map<number, number[]>();
  const norms = new Float64Array(n);
  docs.forEach((d, i) => {
    let s = 0;
    for (const f of pick(d)) {
      const w = idf.get(f) ?? 0;
      s += w * w;
      if ((df.get(f) ?? 0) > maxDf || (df.get(f) ?? 0) < 2) continue;
      let p = postings.get(f);
      if (!p) postings.set(f, (p = []));
      p.push(i);
    }
    norms[i] = Math.sqrt(s);
  });
  return { idf, postings, norms };
}

/** Cosine similarities of document i with every earlier document sharing a candidate feature. */
type LangRule = 'any' | 'same' | 'different';

function dots(docs: DocFeatures[], i: number, pick: Pick, ix: Index, rule: LangRule, minMass: number): Map<number, number> {
  const acc = new Map<number, number>();
  const lang = docs[i]!.lang;
  for (const f of pick(docs[i]!)) {
    const p = ix.postings.get(f);
    if (!p) continue;
    const w = ix.idf.get(f) ?? 0;
    for (const j of p) {
      if (j >= i) break; // postings are in document order
      if ((rule === 'same' && docs[j]!.lang !== lang) || (rule === 'different' && docs[j]!.lang === lang)) continue;
      acc.set(j, (acc.get(j) ?? 0) + w * w);
    }
  }
  for (const [j, v] of acc) {
    const den = ix.norms[i]! * ix.norms[j]!;
    acc.set(j, den > 0 ? (v / den) * Math.min(1, v / minMass) : 0);
  }
  return acc;
}

/** Pairs (a < b) of documents with their similarities; only pairs above half the threshold are kept. */
export function similarities(docs: DocFeatures[], opts: ClusterOptions = DEFAULT_CLUSTER): Similarity[] {
  const maxDf = docs.length <= 200 ? docs.length : Math.max(5, Math.floor(opts.maxDfShare * docs.length));
  const anchors = buildIndex(docs, (d) => d.anchors, maxDf);
  const words = buildIndex(docs, (d) => d.words, maxDf);
  const lex = buildIndex(docs, (d) => d.lex, maxDf);
  const out: Similarity[] = [];
  const maxIdf = Math.log(1 + docs.length);
  const minMass = opts.minEvidence * maxIdf * maxIdf;
  for (let i = 0; i < docs.length; i++) {
    const sa = dots(docs, i, (d) => d.anchors, anchors, 'any', minMass);
    const sw = dots(docs, i, (d) => d.words, words, 'same', minMass);
    const sl = dots(docs, i, (d) => d.lex, lex, 'different', minMass);
    for (const j of new Set([...sa.keys(), ...sw.keys(), ...sl.keys()])) {
      const a = sa.get(j) ?? 0;
      const w = sw.get(j) ?? 0;
      const l = sl.get(j) ?? 0;
      const score = Math.max(a, w, l);
      if (score >= opts.threshold / 2) out.push({ a: j, b: i, anchors: a, words: w, lex: l, score });
    }
  }
  return out;
}

/**
 * Average-linkage agglomerative clustering over the sparse similarity graph (a missing pair counts as 0):
 * two clusters merge while the mean similarity over all their cross pairs reaches the threshold. Unlike
 * single linkage, one shared name cannot chain two different stories together.
 * Returns groups of document indexes, each sorted, ordered by their first document.
 */
export function cluster(docs: DocFeatures[], opts: ClusterOptions = DEFAULT_CLUSTER): number[][] {
  const members = new Map<number, number[]>();
  const links = new Map<number, Map<number, number>>(); // cluster → other cluster → sum of similarities
  for (let i = 0; i < docs.length; i++) {
    members.set(i, [i]);
    links.set(i, new Map());
  }
  for (const s of mutualNeighbours(similarities(docs, opts), opts.neighbours)) {
    links.get(s.a)!.set(s.b, s.score);
    links.get(s.b)!.set(s.a, s.score);
  }
  const heap = new MaxHeap();
  const avg = (a: number, b: number): number => (links.get(a)!.get(b) ?? 0) / (members.get(a)!.length * members.get(b)!.length);
  for (const [a, m] of links) for (const b of m.keys()) if (a < b) heap.push(avg(a, b), a, b);
  for (let top = heap.pop(); top; top = heap.pop()) {
    const [score, a, b] = top;
    if (score < opts.threshold) break;
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
    for (let i = h.length - 1; i > 0; ) {
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
      for (let i = 0; ; ) {
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
