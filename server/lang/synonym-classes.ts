import { fold, isEnStopword, enStem } from './text-norm.js';
import { lookup, mayBeMultiwordWords, synsetOffsets } from './wordnet/index.js';
import { fnv1a } from './fnv.js';
import { Memo } from '../memo.js';
import { resource, use } from '../core/resources.js';

// What an English word can stand for when a spinner has been at a text: its lemmas and every WordNet synset
// of any of its senses, hashed. A sense-blind spinner puts a synset-mate of *some* sense of the word in its
// place ("visit" → "go to", "local" → "native", and names too: "Derby" → "bowler"), so an original word and
// its swap share at least one class; the lemma classes make inflections meet ("visited" ~ "visits").
// Two texts can then be compared word by word through the swaps (group/align-similarity.ts).

// bounded well below the other word tables: each entry holds a typed array, and a batch's vocabulary is
// mostly a few tens of thousands of words
const CLASSES = resource('WordNet synonym classes (memo)', () => new Memo<string, Uint32Array>(60_000));
const EMPTY = new Uint32Array(0);

/** Sorted, distinct classes of a word (lower-cased by the caller or not); empty for a stopword. */
export function synonymClasses(word: string): Uint32Array {
  return foldedClasses(fold(word));
}

/** synonymClasses of a word already folded (text-norm fold): a text's words are folded once, not per look-up. */
export const foldedClasses = (folded: string): Uint32Array => use(CLASSES).get(folded, classesOf);

function classesOf(w: string): Uint32Array {
  if (isEnStopword(w)) return EMPTY;
  const out = new Set<number>([fnv1a('l:' + enStem(w))]);
  if (/\d/.test(w)) return Uint32Array.from(out);
  for (const h of lookup(w)) {
    out.add(fnv1a('l:' + h.lemma));
    for (const off of synsetOffsets(h.lemma, h.pos)) out.add(fnv1a(`s:${h.pos}${off}`));
  }
  return Uint32Array.from(out).sort();
}

const PAIR_CLASSES = resource('WordNet collocation classes (memo)', () => new Memo<string, Uint32Array>(20_000));
/**
 * Classes of a two-word collocation ("go to", "press conference"), or empty when WordNet has none: a spinner
 * swaps one word for a collocation and back, so the first word of a collocation also stands for it.
 */
export function collocationClasses(first: string, second: string): Uint32Array {
  return foldedCollocationClasses(fold(first), fold(second));
}

/** collocationClasses of two words already folded. */
export function foldedCollocationClasses(a: string, b: string): Uint32Array {
  // nearly every word pair of a text is no collocation: answered without building a key or filling the table
  if (!mayBeMultiwordWords([a, b])) return EMPTY;
  return use(PAIR_CLASSES).get(a + ' ' + b, (pair) => {
    const out = new Set<number>();
    for (const h of lookup(pair)) for (const off of synsetOffsets(h.lemma, h.pos)) out.add(fnv1a(`s:${h.pos}${off}`));
    return out.size ? Uint32Array.from(out).sort() : EMPTY;
  });
}

/** Whether two sorted class lists share a class. */
export function shareClass(
  a: Uint32Array,
  aFrom: number,
  aTo: number,
  b: Uint32Array,
  bFrom: number,
  bTo: number,
): boolean {
  let i = aFrom;
  let j = bFrom;
  while (i < aTo && j < bTo) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}
