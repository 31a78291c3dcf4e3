import { readFileSync } from 'node:fs';
import { dataPath } from '../../../paths.js';
import { lookupByMorphology } from '../../../lang/wordnet/index.js';
import { encodeHits, readVocabulary, vocabularyFile, writeVocabulary } from '../../../lang/wordnet/vocabulary.js';
import { encodeMates } from './mates-table.js';
import { matesOf } from './units.js';

// Writes data/prebuilt/vocabulary.txt (lang/wordnet/vocabulary.ts) at build time, ~4 s: the lemmas and
// synset-mates of every word form of the English word vectors' vocabulary (the 80,000 commonest forms
// in news) that a spin unit can be.

const UNIT_FORM = /^[a-z]+(?:[-'][a-z]+)*$/;
const newsVocabulary = (): string[] => readFileSync(dataPath('spin', 'glove.words'), 'utf8').split('\n');

export function writeVocabularyFile(file = vocabularyFile(), words = newsVocabulary()): void {
  const lines: string[] = [];
  for (const w of new Set(words))
    if (UNIT_FORM.test(w)) lines.push([w, encodeHits(lookupByMorphology(w)), ...encodeMates(matesOf(w))].join('\t'));
  writeVocabulary(file, lines);
}

/** Writes the file unless an up-to-date one is there. */
export function ensureVocabularyFile(): void {
  if (!readVocabulary(vocabularyFile())) writeVocabularyFile();
}
