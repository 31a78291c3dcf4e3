import { frequencyRank } from './word-ranks.js';

// Same-language near-duplicates, shared by grouping (group/roles.ts) and spin-story: word-set overlap, and
// which of two near-duplicates is the spun one, from the words alone. Spinners replace
// common words with rarer synonyms ("said" → "stated", "local" → "native"), so the words only one side
// has are clearly rarer on the spun side. Role assignment (group/roles.ts) and spin-story ask this before
// anything costlier: when it is clear, neither needs a spin pass over the spun copy.

/** Overlap of two sets: |a ∩ b| / |a ∪ b| (0 for two empty sets). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  const u = a.size + b.size - n;
  return u === 0 ? 0 : n / u;
}

/** Word-set overlap above which two same-language versions are one text, one of them spun. */
export const NEAR_DUPLICATE = 0.35;

/** Difference in mean log rank (nats; 0.5 ≈ ranks 1.6 times further down) from which the rarer side is the spun one. */
export const RARITY_MARGIN = 0.5;

/** Mean log frequency rank of the words x has and y lacks: what one near-duplicate says differently. */
export function ownRarity(x: Set<string>, y: Set<string>): number {
  let n = 0;
  let sum = 0;
  for (const w of x)
    if (!y.has(w) && /^\p{L}+$/u.test(w)) {
      n++;
      sum += Math.log(frequencyRank(w));
    }
  return n ? sum / n : 0;
}

/** 'a' or 'b' when that side's own words are clearly rarer; null when the words do not decide. */
export function clearlyRarer(a: Set<string>, b: Set<string>): 'a' | 'b' | null {
  const [ra, rb] = [ownRarity(a, b), ownRarity(b, a)];
  return Math.abs(ra - rb) > RARITY_MARGIN ? (ra > rb ? 'a' : 'b') : null;
}

/** The spun side of two near-duplicates when their words make it clear; null for other pairs. */
export function clearSpunSide(a: Set<string>, b: Set<string>): 'a' | 'b' | null {
  return jaccard(a, b) < NEAR_DUPLICATE ? null : clearlyRarer(a, b);
}

const WORD_RE = /[\p{L}][\p{L}\p{M}'’-]*/gu;

// role assignment and spin-story both ask it of each English version of a story: worked out once per document
const wordsOf = new WeakMap<readonly unknown[], Set<string>>();

/** Distinct lowercased words of a document's text segments (boilerplate left out). Shared: do not change it. */
export function contentWords(segments: readonly { text: string; boilerplate: false | string }[]): Set<string> {
  let words = wordsOf.get(segments);
  if (words) return words;
  words = new Set<string>();
  wordsOf.set(segments, words);
  for (const s of segments) {
    if (s.boilerplate) continue;
    for (const m of s.text.matchAll(WORD_RE)) words.add(m[0].toLowerCase());
  }
  return words;
}
