import { words } from 'popular-english-words';

// Word frequency ranks of English (the popular-english-words package: ~225,000 word forms ranked by their
// frequency in Wikipedia, ISC licence). A sense-blind spinner's replacement is usually far rarer than the
// word it replaced ("detection" 6,684th → "sleuthing" 75,098th); that gap is the signal.

export const UNRANKED = 300_000;
let ranks: Map<string, number> | null = null;

function table(): Map<string, number> {
  if (!ranks) {
    ranks = new Map();
    words.getMostPopular(Number.MAX_SAFE_INTEGER).forEach((w, i) => {
      if (!ranks?.has(w)) ranks?.set(w, i + 1);
    });
  }
  return ranks;
}

/** Rank of a word form (1 = most frequent); a phrase ranks as its rarest word. */
export function frequencyRank(form: string): number {
  let worst = 0;
  for (const p of form.toLowerCase().split(/[\s_]+/)) if (p) worst = Math.max(worst, table().get(p) ?? UNRANKED);
  return worst || UNRANKED;
}
