import type { DocFeatures } from './features.js';
import { lexicalPairs, mutualBestLinks, type Pair } from './crosslang.js';
import { alignedNeighbours, numbersDisagree } from './copies.js';

export type { Pair } from './crosslang.js';
import { averageLinkage } from './linkage.js';
import { featureWeight } from './weights.js';

// Story discovery over hashed features (see cluster() for the steps). Same-language similarities are
// idf-weighted cosines computed through inverted indexes, so only documents that share a reasonably rare
// feature are compared; cross-language matches come from crosslang.ts. Feature weights discount topical
// features (weights.ts): documents on one topic share vocabulary and names, versions of one story share
// what only that story has.

export interface ClusterOptions {
  /** Minimum average shingle similarity for same-language texts to be one text (a copy, a spun copy). */
  threshold: number;
  /** Minimum average comparable-article similarity for two same-language groups to be one story. */
  comparableThreshold: number;
  /** Features in more than this share of documents are not used to find candidates (they still weigh little). */
  maxDfShare: number;
  /** Nor are features in more than this many stories' worth of documents (candidateStories × storySize). */
  candidateStories: number;
  /**
   * Evidence needed for full weight, in features only one story has (weight of df = storySize): two
   * short texts sharing one name have a high cosine but say little, so a similarity is scaled down by
   * min(1, shared squared weight / (minEvidence × that weight²)).
   */
  minEvidence: number;
  /**
   * The same for comparable articles (shared words, names, numbers, not text): one shared name or phrase
   * is not enough, several are.
   */
  comparableEvidence: number;
  /**
   * Comparable articles about one event name the same people, places, dates and numbers again and again:
   * without this many shared story-scale anchors (in at most twice storySize documents), shared words
   * are a topic, not a story.
   */
  comparableAnchors: number;
  /**
   * Only mutual nearest neighbours are linked: a pair counts when each document is among the other's
   * `neighbours` most similar documents. A story has a handful of versions; a document that resembles
   * dozens of others (a short text, a common topic) gets no say beyond its closest few.
   */
  neighbours: number;
  /**
   * The same for near-duplicates (one text): a story spun by many sites has more copies than versions of
   * other kinds, each of them the original's near-duplicate, and all must find it.
   */
  copyNeighbours: number;
  /** Versions per language a story has at most before a shared feature counts as its topic (weights.ts). */
  storySize: number;
  /** Minimum cross-language match (coverage, or anchor similarity) for a mutual best pair to be linked. */
  crossThreshold: number;
  /**
   * How many times the runner-up's match a mutual best match must be, on both sides, to be linked: a
   * text whose translation is not in the batch still has a best match, but not a clear one.
   */
  crossMargin: number;
  /** A match this strong needs no margin (a translation's source and a close paraphrase of it). */
  crossSure: number;
  /** English candidates scored exactly for each Tagalog document. */
  crossCandidates: number;
  /**
   * Same-language candidates (the most similar earlier documents by any feature) whose word sequences are
   * aligned through synonym swaps (sequence.ts), for each English document: a spun copy's original is
   * among its few most similar documents even when its shingles and skeletons are gone.
   */
  alignCandidates: number;
  /** Minimum aligned similarity (Dice of the in-order word pairing) for two texts to be one text. */
  alignThreshold: number;
  /** The same for texts that share at least anchoredNumbers numbers, and no number one of them lacks. */
  alignAnchoredThreshold: number;
  anchoredNumbers: number;
}
export const DEFAULT_CLUSTER: ClusterOptions = {
  threshold: 0.4,
  comparableThreshold: 0.1,
  maxDfShare: 0.05,
  candidateStories: 8,
  minEvidence: 4,
  comparableEvidence: 4,
  comparableAnchors: 8,
  neighbours: 3,
  copyNeighbours: 8,
  storySize: 4,
  crossThreshold: 0.2,
  crossMargin: 2,
  crossSure: 0.4,
  crossCandidates: 24,
  alignCandidates: 4,
  alignThreshold: 0.5,
  alignAnchoredThreshold: 0.3,
  anchoredNumbers: 2,
};

/** The similarities where each document is among the other's k most similar. */
function mutualNeighbours(sims: Similarity[], k: number): Similarity[] {
  const top = new Map<number, Similarity[]>();
  const add = (d: number, s: Similarity) => (top.get(d) ?? top.set(d, []).get(d)!).push(s);
  for (const s of sims) (add(s.a, s), add(s.b, s));
  const rank = (x: Similarity, y: Similarity) => y.score - x.score || x.a - y.a || x.b - y.b;
  const inTop = new Map<number, Set<Similarity>>();
  for (const [d, list] of top) inTop.set(d, new Set(list.sort(rank).slice(0, k)));
  return sims.filter((s) => inTop.get(s.a)!.has(s) && inTop.get(s.b)!.has(s));
}

export interface Similarity {
  a: number;
  b: number;
  /** Near-duplicate evidence (the larger of shingle and sentence-skeleton similarity). */
  shingles: number;
  /** Comparable-article evidence (the larger of anchors and words, under the stricter evidence rule). */
  comparable: number;
  score: number;
}

type Pick = (f: DocFeatures) => Uint32Array;

interface Index {
  weight: Map<number, number>;
  postings: Map<number, number[]>;
  norms: Float64Array;
}

function buildIndex(docs: DocFeatures[], pick: Pick, maxDf: number, storySize: number): Index {
  const df = new Map<number, number>();
  for (const d of docs) for (const f of pick(d)) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  const weight = new Map<number, number>();
  for (const [f, c] of df) weight.set(f, featureWeight(c, n, storySize));
  const postings = new Map<number, number[]>();
  const norms = new Float64Array(n);
  docs.forEach((d, i) => {
    let s = 0;
    for (const f of pick(d)) {
      const w = weight.get(f) ?? 0;
      s += w * w;
      if ((df.get(f) ?? 0) > maxDf || (df.get(f) ?? 0) < 2) continue;
      let p = postings.get(f);
      if (!p) postings.set(f, (p = []));
      p.push(i);
    }
    norms[i] = Math.sqrt(s);
  });
  return { weight, postings, norms };
}

type LangRule = 'same' | 'cross-other';
const allowed = (rule: LangRule, a: DocFeatures, b: DocFeatures): boolean =>
  rule === 'same' ? a.lang === b.lang : a.lang !== b.lang && (a.lang === 'other' || b.lang === 'other');

/** Cosine similarities of document i with every earlier document sharing a candidate feature. */
function dots(
  docs: DocFeatures[],
  i: number,
  pick: Pick,
  ix: Index,
  rule: LangRule,
  minMass: number,
  shared?: { count: Map<number, number>; minWeight: number }, // how many features of at least minWeight each document shares with i
): Map<number, number> {
  // sums in a scratch array, documents in the order first met (the order of the Map returned)
  const { sums, metAt } = scratchOf(docs.length);
  const stamp = ++stamps;
  const met: number[] = [];
  const d = docs[i]!;
  for (const f of pick(d)) {
    const p = ix.postings.get(f);
    if (!p) continue;
    const w = ix.weight.get(f) ?? 0;
    for (const j of p) {
      if (j >= i) break; // postings are in document order
      if (!allowed(rule, d, docs[j]!)) continue;
      if (metAt[j] !== stamp) {
        metAt[j] = stamp;
        met.push(j);
      }
      sums[j] = sums[j]! + w * w;
      if (shared && w >= shared.minWeight) shared.count.set(j, (shared.count.get(j) ?? 0) + 1);
    }
  }
  const acc = new Map<number, number>();
  for (const j of met) {
    const v = sums[j]!;
    sums[j] = 0;
    const den = ix.norms[i]! * ix.norms[j]!;
    acc.set(j, den > 0 ? (v / den) * Math.min(1, v / minMass) : 0);
  }
  return acc;
}

let scratch = { sums: new Float64Array(0), metAt: new Int32Array(0) };
let stamps = 0;
/** Zeroed sums for at least n documents and the call that last met each, reused (dots leaves the sums zeroed). */
function scratchOf(n: number): typeof scratch {
  if (scratch.sums.length < n) {
    scratch = { sums: new Float64Array(n), metAt: new Int32Array(n) };
    stamps = 0;
  }
  return scratch;
}

/** The weight of a feature only one story's versions have: the unit evidence is counted in. */
const storyFeature = (n: number, opts: ClusterOptions): number => featureWeight(opts.storySize, n, opts.storySize);

/**
 * Document frequency above which a feature proposes no candidates: a share of the batch, and at most
 * candidateStories stories' worth of versions (a feature of many stories finds no story).
 */
const maxDfOf = (n: number, opts: ClusterOptions): number =>
  Math.min(
    n <= 200 ? n : Math.max(5, Math.floor(opts.maxDfShare * n)),
    Math.max(5, opts.candidateStories * opts.storySize),
  );

/**
 * Which documents' similarities (each with the documents before it) one thread works out: those with
 * i % of === index. Each document's are independent of the others', so threads can share the work and
 * mergeParts puts their lists back in the order one thread makes.
 */
export interface SimilarityPart {
  of: number;
  index: number;
}
const WHOLE: SimilarityPart = { of: 1, index: 0 };

/**
 * Same-language pairs (a < b) with their similarities, by b (the later document), as one thread finds them;
 * only pairs above half the lower threshold are kept. `part`: only those of some documents b (SimilarityPart).
 */
export function similarities(
  docs: DocFeatures[],
  opts: ClusterOptions = DEFAULT_CLUSTER,
  part: SimilarityPart = WHOLE,
): Similarity[] {
  const maxDf = maxDfOf(docs.length, opts);
  const anchors = buildIndex(docs, (d) => d.anchors, maxDf, opts.storySize);
  const words = buildIndex(docs, (d) => d.words, maxDf, opts.storySize);
  const shingles = buildIndex(docs, (d) => d.shingles, maxDf, opts.storySize);
  const skeletons = buildIndex(docs, (d) => d.skeletons, maxDf, opts.storySize);
  const out: Similarity[] = [];
  const unit = storyFeature(docs.length, opts);
  const minMass = opts.minEvidence * unit * unit;
  const comparableMass = opts.comparableEvidence * unit * unit;
  for (let i = part.index; i < docs.length; i += part.of) {
    const names = new Map<number, number>();
    const sa = dots(docs, i, (d) => d.anchors, anchors, 'same', comparableMass, { count: names, minWeight: unit / 2 });
    const sw = dots(docs, i, (d) => d.words, words, 'same', comparableMass);
    const sh = dots(docs, i, (d) => d.shingles, shingles, 'same', minMass);
    const sk = dots(docs, i, (d) => d.skeletons, skeletons, 'same', minMass);
    const met = new Set([...sa.keys(), ...sw.keys(), ...sh.keys(), ...sk.keys()]);
    const aligned = alignedNeighbours(docs, i, met, [sa, sw, sh, sk], [sh, sk], opts);
    for (const j of met) {
      const h = numbersDisagree(docs[i]!, docs[j]!) ? 0 : Math.max(sh.get(j) ?? 0, sk.get(j) ?? 0, aligned.get(j) ?? 0);
      const c = (names.get(j) ?? 0) >= opts.comparableAnchors ? Math.max(sa.get(j) ?? 0, sw.get(j) ?? 0) : 0;
      const score = Math.max(h, c);
      if (score >= Math.min(opts.threshold, opts.comparableThreshold) / 2)
        out.push({ a: j, b: i, shingles: h, comparable: c, score });
    }
  }
  return out;
}

/** The similarities of every part (similarities with `part`), in the order one thread finds them all. */
export function mergeParts(parts: Similarity[][]): Similarity[] {
  const out: Similarity[] = [];
  const at = parts.map(() => 0);
  for (;;) {
    // the part holding the lowest next b (each b belongs to one part, its pairs together and in order)
    let best = -1;
    for (let p = 0; p < parts.length; p++) {
      const s = parts[p]![at[p]!];
      if (s && (best < 0 || s.b < parts[best]![at[best]!]!.b)) best = p;
    }
    if (best < 0) return out;
    const b = parts[best]![at[best]!]!.b;
    while (parts[best]![at[best]!]?.b === b) out.push(parts[best]![at[best]!++]!);
  }
}

/** Anchor similarities between documents in an unknown language and the others (no lexicon to go by). */
function otherLanguagePairs(docs: DocFeatures[], opts: ClusterOptions): Pair[] {
  if (!docs.some((d) => d.lang === 'other')) return [];
  const anchors = buildIndex(docs, (d) => d.anchors, maxDfOf(docs.length, opts), opts.storySize);
  const unit = storyFeature(docs.length, opts);
  const out: Pair[] = [];
  for (let i = 0; i < docs.length; i++)
    for (const [j, score] of dots(docs, i, (d) => d.anchors, anchors, 'cross-other', opts.minEvidence * unit * unit))
      out.push({ a: j, b: i, score });
  return out;
}

/**
 * Stories as groups of document indexes, each sorted, ordered by their first document:
 * 1. near-duplicates (a text and its spun copies) by average linkage over shingle and skeleton similarity;
 * 2. those merged with comparable articles of their language (many shared names, dates, numbers);
 * 3. the language groups joined across languages by mutual best matches (a text and its translation).
 * `pairs`: the cross-language matches (crossPairs), when worked out elsewhere meanwhile (the batch has a
 * worker do it while this thread does steps 1 and 2).
 */
export function cluster(docs: DocFeatures[], opts: ClusterOptions = DEFAULT_CLUSTER, pairs?: Pair[]): number[][] {
  return joinLanguages(docs, languageGroups(docs, opts), opts, pairs ?? crossPairs(docs, opts));
}

/** Steps 1 and 2 of cluster(): the groups within each language (`sims`: similarities, when worked out already). */
export function languageGroups(
  docs: DocFeatures[],
  opts: ClusterOptions = DEFAULT_CLUSTER,
  sims: Similarity[] = similarities(docs, opts),
): number[][] {
  const near = sims.filter((s) => s.shingles > 0).map((s) => ({ ...s, score: s.shingles }));
  const copies = averageLinkage(
    docs.map((_, i) => [i]),
    mutualNeighbours(near, opts.copyNeighbours),
    opts.threshold,
  );
  const comparable = sims.filter((s) => s.comparable > 0).map((s) => ({ ...s, score: s.comparable }));
  return averageLinkage(copies, mutualNeighbours(comparable, opts.neighbours), opts.comparableThreshold);
}

/** The cross-language matches step 3 joins by: lexicon coverage (tl–en), anchors for unknown languages. */
export function crossPairs(docs: DocFeatures[], opts: ClusterOptions = DEFAULT_CLUSTER): Pair[] {
  const enDocs = docs.filter((d) => d.lang === 'en').length;
  return [
    ...lexicalPairs(docs, {
      maxDf: maxDfOf(enDocs, opts),
      storySize: opts.storySize,
      candidates: opts.crossCandidates,
    }),
    ...otherLanguagePairs(docs, opts),
  ];
}

/** Step 3 of cluster(): groups of one language joined to their mutual best match in each other language. */
export function joinLanguages(
  docs: DocFeatures[],
  groups: number[][],
  opts: ClusterOptions,
  pairs: Pair[],
): number[][] {
  const groupOf = new Int32Array(docs.length);
  groups.forEach((g, gi) => g.forEach((i) => (groupOf[i] = gi)));
  const groupLang = groups.map((g) => docs[g[0]!]!.lang);
  const parent = groups.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const rule = { threshold: opts.crossThreshold, margin: opts.crossMargin, sure: opts.crossSure };
  for (const [g, h] of mutualBestLinks(groupLang, groupOf, pairs, rule)) parent[find(g)] = find(h);
  const joined = new Map<number, number[]>();
  groups.forEach((g, gi) => (joined.get(find(gi)) ?? joined.set(find(gi), []).get(find(gi))!).push(...g));
  return [...joined.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}
