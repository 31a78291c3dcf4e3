import { Memo } from '../memo.js';
import { resource, use } from '../core/resources.js';
import type { LineIndex } from './line-index.js';
import { indexFile } from './line-index-file.js';
import { prebuilt } from './prebuilt.js';

// Word frequency ranks of English: data/spin/word-ranks.txt, ~225,000 word forms ordered by frequency in
// Wikipedia (from the popular-english-words package, ISC licence; see data/spin/SOURCES.md). A sense-blind
// spinner's replacement is usually far rarer than the word it replaced ("detection" 6,684th → "sleuthing"
// 75,098th); that gap is the signal.

export const UNRANKED = 300_000;
/** The list by word: a word's rank is its line number (a word listed twice keeps its first, higher rank). */
const RANKS = resource('word frequency ranks', (res) =>
  indexFile(res.dataPath('spin', 'word-ranks.txt'), '\t', 'utf8', prebuilt(res)),
);
const RANK_MEMO = resource('word frequency ranks (memo)', () => new Memo<string, number>(200_000));

function rankOf(form: string): number {
  const table: LineIndex = use(RANKS);
  let worst = 0;
  for (const p of form.toLowerCase().split(/[\s_]+/)) {
    if (!p) continue;
    const line = table.find(p);
    worst = Math.max(worst, line < 0 ? UNRANKED : line + 1);
  }
  return worst || UNRANKED;
}

/** Rank of a word form (1 = most frequent); a phrase ranks as its rarest word. */
export const frequencyRank = (form: string): number => use(RANK_MEMO).get(form, rankOf);
