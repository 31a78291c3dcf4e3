import { readFileSync } from 'node:fs';
import { dataPath } from '../../../paths.js';
import { memoise } from '../../../memo.js';

// Word frequency ranks of English: data/spin/word-ranks.txt, ~225,000 word forms ordered by frequency in
// Wikipedia (from the popular-english-words package, ISC licence; see data/spin/SOURCES.md). A sense-blind
// spinner's replacement is usually far rarer than the word it replaced ("detection" 6,684th → "sleuthing"
// 75,098th); that gap is the signal.

export const UNRANKED = 300_000;
let ranks: Map<string, number> | null = null;

function table(): Map<string, number> {
  if (!ranks) {
    const m = new Map<string, number>();
    const words = readFileSync(dataPath('spin', 'word-ranks.txt'), 'utf8').split('\n');
    // a word listed twice keeps its first (higher) rank
    for (let i = 0; i < words.length; i++) if (words[i] && m.get(words[i] as string) === undefined) m.set(words[i] as string, i + 1);
    ranks = m;
  }
  return ranks;
}

/** Rank of a word form (1 = most frequent); a phrase ranks as its rarest word. */
export const frequencyRank: (form: string) => number = memoise((form: string): number => {
  let worst = 0;
  for (const p of form.toLowerCase().split(/[\s_]+/)) if (p) worst = Math.max(worst, table().get(p) ?? UNRANKED);
  return worst || UNRANKED;
}, 200_000);
