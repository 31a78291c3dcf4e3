import { dataLine, POS_LIST } from './files.js';
import { lemmaSynsets, morphy } from './index.js';
import { resource, use } from '../../core/resources.js';

// Is an English word a common word rather than a name? WordNet writes a proper noun's lemma with its capital
// in the synset ("Auckland", "Paris") and a common word in lower case ("deficit", "horticultural"). A word with
// any capitalised sense ("Manila", "manila paper") counts as a possible name.

const COMMON = resource('WordNet common words (memo)', () => new Map<string, boolean>());

/** Every WordNet sense of the word (after morphology: "expositions" → exposition) is written in lower case. */
export function isCommonEnglishWord(word: string): boolean {
  const w = word.toLowerCase();
  const cache = use(COMMON);
  const hit = cache.get(w);
  if (hit !== undefined) return hit;
  let seen = 0;
  let common = true;
  for (const pos of POS_LIST) {
    for (const lemma of morphy(w, pos)) {
      for (const s of lemmaSynsets(lemma, pos)) {
        const f = dataLine(pos, s.offset).split(' ');
        const n = parseInt(f[3] ?? '0', 16);
        for (let i = 0; i < n; i++) {
          const raw = (f[4 + i * 2] ?? '').replace(/\(.*\)$/, '');
          if (raw.toLowerCase() !== lemma) continue;
          seen++;
          if (raw !== lemma) common = false;
        }
      }
    }
  }
  const out = seen > 0 && common;
  if (cache.size > 20_000) cache.clear();
  cache.set(w, out);
  return out;
}
