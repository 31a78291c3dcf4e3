import { profile, synonymOverlap, type Profile } from './shingles.js';

// (d) discovery of the original among other same-language documents of a batch: the candidate that covers
// the most of the copy's content words after synonym normalisation, if it covers enough and is not the copy.

export interface Candidate {
  text: string;
  lang?: string;
  /** profile(text), when the caller keeps them across many look-ups (a batch) */
  profile?: Profile;
}

export const DISCOVER_MIN_SCORE = 0.8;

export function findOriginal(
  doc: Candidate,
  candidates: Candidate[],
  minScore = DISCOVER_MIN_SCORE,
): { index: number; score: number } | null {
  const p = doc.profile ?? profile(doc.text);
  let best: { index: number; score: number } | null = null;
  candidates.forEach((c, index) => {
    if (c.text === doc.text || (doc.lang && c.lang && c.lang !== doc.lang)) return;
    const cp = c.profile ?? profile(c.text);
    const score = synonymOverlap(p, cp);
    // an original covers the copy and is not much longer than it (a longer article is another story's source)
    const ratio = cp.words.length / Math.max(1, p.words.length);
    const s = ratio > 1.6 ? score / (ratio / 1.6) : score;
    if (s >= minScore && (!best || s > best.score)) best = { index, score: s };
  });
  return best;
}
