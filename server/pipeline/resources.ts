import { getLemmaIndex, getSenseCounts } from '../lang/wordnet/files.js';
import { glossGrams } from '../lang/wordnet/glossgrams.js';
import { ensureGlossFile } from '../lang/wordnet/glossgrams-file.js';
import { loadVocabulary } from '../lang/wordnet/vocabulary.js';
import { loadLexicon } from '../lang/lexicon.js';
import { isKnownName } from '../lang/entities.js';
import { newsRank } from '../lang/vectors.js';
import { unigramCount } from './detect/spin/bigrams.js';
import { frequencyRank } from '../lang/word-ranks.js';
import { ensureVocabularyFile } from './detect/spin/vocabulary-file.js';
import { currentResources, Resources, withResources, type ResourceOptions } from '../core/resources.js';

// The word lists and prebuilt tables story analysis reads, in one list (each is a member of a Resources object,
// core/resources.ts, declared where its loading code is): the build makes each one's derived
// file and line index (data/prebuilt, one version stamp: lang/prebuilt.ts) once, so that no process has to (scripts/build.mjs), and a batch worker
// loads its side's share before its first story (batch/warm.ts). A table added here is built and warmed
// alike; it used to be listed in both places by hand.

/** Which side of story analysis a worker does (batch/pool.ts): a lone worker, or the calling thread, does both. */
export type Side = 'read' | 'finish' | 'both';

interface Resource {
  name: string;
  /** the derived file the build writes (the tables that are counted from installed packages) */
  build?: () => void;
  /** loads it: reads the list, or the line index kept beside it (writing that index the first time) */
  load: () => void;
  /** the worker sides that load it before their first story; none: it is loaded on first use */
  warm: readonly Side[];
}

const READING: readonly Side[] = ['read', 'both'];

export const RESOURCES: readonly Resource[] = [
  { name: 'WordNet lemma index', load: () => void getLemmaIndex(), warm: READING },
  { name: 'WordNet sense counts', load: () => void getSenseCounts(), warm: READING },
  {
    name: 'WordNet gloss pairs (glossgrams.bin)',
    build: () => ensureGlossFile(),
    load: () => void glossGrams(),
    warm: READING,
  },
  {
    name: 'news vocabulary (vocabulary.txt)',
    build: () => ensureVocabularyFile(),
    load: () => void loadVocabulary(),
    warm: READING,
  },
  { name: 'Tagalog–English lexicon', load: () => void loadLexicon(), warm: ['read', 'finish', 'both'] },
  { name: 'lexicon glosses and respellings', load: () => void isKnownName('the', 'en'), warm: [] },
  { name: 'word frequency ranks', load: () => void frequencyRank('the'), warm: [] },
  { name: 'news word vectors', load: () => void newsRank('the'), warm: [] },
  { name: 'word and word-pair counts (unigrams.tsv, bigrams.tsv)', load: () => void unigramCount('the'), warm: [] },
];

/**
 * The build: every derived file, then every list loaded once so that its line index is written. The loading is
 * done by a second Resources object: the first one's memo of a table it met before writing it (the vocabulary,
 * which its own computations look up) holds the answer of before.
 */
export function prebuildResources(opts: ResourceOptions = {}): void {
  withResources(new Resources(opts), () => {
    for (const r of RESOURCES) r.build?.();
  });
  withResources(new Resources(opts), () => {
    for (const r of RESOURCES) r.load();
  });
}

/** What a worker of this side loads into its Resources object before its first story. */
export function warmResources(side: Side, res: Resources = currentResources()): void {
  withResources(res, () => {
    for (const r of RESOURCES) if (r.warm.includes(side)) r.load();
  });
}
