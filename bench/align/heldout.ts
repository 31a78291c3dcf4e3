import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLexicon, lexiconTsv, type ParallelSet } from '../../scripts/build-lexicon.js';
import { parseLexicon, type Lexicon } from '../../server/lang/lexicon.js';
import { REPO } from '../paths.js';

/** A lexicon built like the shipped one but learned only from `sets` (so a benchmark set can be held out). */
export function heldOutLexicon(sets: ParallelSet[]): Lexicon {
  const stop = readFileSync(join(REPO, 'data', 'lexicon', 'stopwords-tl.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
  return parseLexicon(lexiconTsv(buildLexicon(sets)), stop);
}
