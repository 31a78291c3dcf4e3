import { lemmaSynsets, lookup, synsetOffsets } from '../../../lang/wordnet/index.js';
import { frequencyRank } from '../../../lang/word-ranks.js';
import { STOPWORDS } from './stopwords.js';
import { norm, tokenize } from './tokens.js';
import { Memo } from '../../../memo.js';
import { resource, use } from '../../../core/resources.js';

// Same-story grouping and discovery of an original. A spun copy shares few exact n-grams with its source,
// but a sense-blind spinner leaves names and numbers alone and swaps words only within a synset. So:
// (1) shingles over anchors (names, numbers) survive spinning; (2) a word of the copy "matches" the
// candidate when the candidate has the word or any word sharing a synset with it.

function isAnchor(t: string, prevText: string | undefined): boolean {
  return /\d/.test(t) || (/^\p{Lu}/u.test(t) && prevText !== undefined && !/[.!?"“]/.test(prevText));
}

/** Shingles of k consecutive anchors (names, numbers), lowercased: stable under synonym spinning. */
export function spinShingles(text: string, k = 2): Set<string> {
  const toks = tokenize(text);
  const anchors = toks.filter((t, i) => t.word && isAnchor(t.text, toks[i - 1]?.text)).map((t) => norm(t.text));
  const out = new Set<string>();
  for (let i = 0; i + k <= anchors.length; i++) out.add(anchors.slice(i, i + k).join(' '));
  return out;
}

// bounded: a long batch meets ever more words
const KEY_CACHE_MEMO = resource('synonym keys (memo)', () => new Memo<string, string>(200_000));
/**
 * A synonym-normalised key for a word: the most frequent lemma among the word's own lemmas and their synset
 * mates. A spinner's "sleuthing" and the original "detection" both lead to "detection" when it is the
 * commonest word of their neighbourhood, which it usually is: writers use common words, spinners do not.
 */
export function synonymKey(word: string): string {
  return use(KEY_CACHE_MEMO).get(norm(word), synonymKeyOf);
}

function synonymKeyOf(w: string): string {
  let key = w;
  if (/^[a-z]+$/.test(w) && !STOPWORDS.has(w)) {
    const hits = lookup(w);
    let best = hits.length ? Number.POSITIVE_INFINITY : frequencyRank(w);
    for (const h of hits) {
      for (const s of lemmaSynsets(h.lemma, h.pos)) {
        for (const l of s.words) {
          const r = frequencyRank(l);
          if (r < best || (r === best && l < key)) {
            best = r;
            key = l;
          }
        }
      }
    }
  }
  return key;
}

/** Word shingles of k synonym-normalised content words: for grouping same-language versions of a story. */
export function synonymShingles(text: string, k = 2): Set<string> {
  const keys = tokenize(text)
    .filter((t) => t.word && !STOPWORDS.has(norm(t.text)))
    .map((t) => (/\d/.test(t.text) ? norm(t.text) : synonymKey(t.text)));
  const out = new Set<string>();
  for (let i = 0; i + k <= keys.length; i++) out.add(keys.slice(i, i + k).join(' '));
  return out;
}

// overlap of shingle sets: shared with grouping, in lang/
export { jaccard } from '../../../lang/near-duplicate.js';

const SYN_CACHE_MEMO = resource('synonym lists (memo)', () => new Memo<string, string[]>(200_000));
function synsetKeys(word: string): string[] {
  // the synsets' identities only: the index has them without reading the synsets
  return use(SYN_CACHE_MEMO).get(norm(word), (w) =>
    lookup(w).flatMap((h) => synsetOffsets(h.lemma, h.pos).map((off) => `${h.pos}${off}`)),
  );
}

export interface Profile {
  words: string[]; // content words, lowercased, in order
  wordSet: Set<string>;
  synsetSet: Set<string>;
}

export function profile(text: string): Profile {
  const words = tokenize(text)
    .filter((t) => t.word && !STOPWORDS.has(norm(t.text)))
    .map((t) => norm(t.text));
  const synsetSet = new Set<string>();
  for (const w of new Set(words)) for (const k of synsetKeys(w)) synsetSet.add(k);
  return { words, wordSet: new Set(words), synsetSet };
}

/** Share of the copy's content words found in the candidate, verbatim or through a shared synset. */
export function synonymOverlap(copy: Profile, candidate: Profile): number {
  if (copy.words.length === 0) return 0;
  let n = 0;
  for (const w of copy.words)
    if (candidate.wordSet.has(w) || synsetKeys(w).some((k) => candidate.synsetSet.has(k))) n++;
  return n / copy.words.length;
}
