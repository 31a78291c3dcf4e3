import type { DocFeatures } from './features.js';
import type { ClusterOptions } from './cluster.js';
import { bestCandidates } from './crosslang.js';
import { alignedSimilarity, sequenceLength } from './sequence.js';

// Same-language copy evidence beyond shingles and skeletons (cluster.ts similarities): a spun copy's
// content words pair up with its original's in order through synonym swaps (sequence.ts), confirmed on a
// few candidates; numbers, which a spinner never changes, lower the bar when they all agree and veto a
// copy when they disagree.

/**
 * Whether two texts' numbers say they are different texts: each has at least two and they share fewer than
 * half of the smaller set. A spinner leaves numbers alone; one template filled in twice (a weather bulletin,
 * a match report) keeps its wording and changes them.
 */
export function numbersDisagree(a: DocFeatures, b: DocFeatures): boolean {
  const [x, y] = [a.numbers, b.numbers];
  return x.length >= 2 && y.length >= 2 && sharedNumbers(a, b) * 2 < Math.min(x.length, y.length);
}

/** How many numbers (of two digits or more) two texts share. */
function sharedNumbers(a: DocFeatures, b: DocFeatures): number {
  const [x, y] = [a.numbers, b.numbers];
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) (shared++, i++, j++);
    else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return shared;
}

/**
 * The aligned similarity two texts need to be one text: alignThreshold, or alignAnchoredThreshold when they
 * share numbers and all of the fewer-numbered text's numbers are the other's too (a spinner keeps every
 * number; two different articles rarely share several).
 */
function alignNeeded(a: DocFeatures, b: DocFeatures, opts: ClusterOptions): number {
  const shared = sharedNumbers(a, b);
  return shared >= opts.anchoredNumbers && shared === Math.min(a.numbers.length, b.numbers.length)
    ? opts.alignAnchoredThreshold
    : opts.alignThreshold;
}

/**
 * Aligned similarities (sequence.ts) of document i with its alignCandidates most similar earlier documents
 * (by the sum of the feature similarities already found), those reaching alignThreshold only. A candidate
 * whose shingles or skeletons already make it one text with i is not aligned again.
 */
export function alignedNeighbours(
  docs: DocFeatures[],
  i: number,
  met: Set<number>,
  sims: Map<number, number>[],
  near: Map<number, number>[],
  opts: ClusterOptions,
): Map<number, number> {
  const out = new Map<number, number>();
  if (sequenceLength(docs[i]!.sequence) === 0 || opts.alignCandidates <= 0) return out;
  const sum = (j: number): number => sims.reduce((s, m) => s + (m.get(j) ?? 0), 0);
  for (const [j] of bestCandidates([...met], sum, opts.alignCandidates)) {
    if (near.some((m) => (m.get(j) ?? 0) >= opts.threshold)) continue;
    const needed = alignNeeded(docs[i]!, docs[j]!, opts);
    const s = alignedSimilarity(docs[i]!.sequence, docs[j]!.sequence, needed);
    // scaled so that the threshold needed maps to alignThreshold: what the linkage then compares
    if (s >= needed) out.set(j, s * (opts.alignThreshold / needed));
  }
  return out;
}
