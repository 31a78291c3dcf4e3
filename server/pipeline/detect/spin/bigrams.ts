import { indexFile } from '../../../lang/line-index-file.js';
import type { LineIndex } from '../../../lang/line-index.js';
import { resource, use } from '../../../core/resources.js';
import { prebuilt } from '../../../lang/prebuilt.js';
import { memoise } from '../../../memo.js';

// Collocation strength from web-scale counts: data/spin/bigrams.tsv (242,000 frequent English word pairs)
// and data/spin/unigrams.tsv (82,000 words), Google Books Ngram counts as filtered by SymSpell (CC BY 3.0;
// see data/spin/SOURCES.md). A thesaurus spinner keeps the neighbours and changes the word, so "local time"
// (86 million) becomes "native time" (not among the frequent pairs): the pair's weakness next to a
// synonym's strength is the evidence the word is not the writer's.

interface Counts {
  uni: LineIndex;
  bi: LineIndex;
  total: number;
  /** the list keeps pairs from this count on: an absent pair is rarer than this */
  floor: number;
}

/** The count on a listed key's line (the lists have one line per key), or undefined for a key not listed. */
function countOf(index: LineIndex, key: string): number | undefined {
  const i = index.find(key);
  if (i < 0) return undefined;
  const line = index.line(i);
  const tab = line.indexOf('\t');
  return tab < 0 ? undefined : Number(line.slice(tab + 1));
}

/** Every listed count in file order (a line without a tab is no entry). */
function* allCounts(index: LineIndex): IterableIterator<number> {
  for (let i = 0; i < index.lines; i++) {
    const line = index.line(i);
    const tab = line.indexOf('\t');
    if (tab >= 0) yield Number(line.slice(tab + 1));
  }
}

// The lists are looked up through their line indexes (kept in data/prebuilt like the other word lists, and
// built by npm run build): a batch's reading worker filled two Maps of 324,000 entries from the text
// instead, ~0.35 CPU-s, before its first spun text.
const COUNTS = resource('word and word-pair counts (unigrams.tsv, bigrams.tsv)', (res): Counts => {
  const uni = indexFile(res.dataPath('spin', 'unigrams.tsv'), '\t', 'utf8', prebuilt(res));
  const bi = indexFile(res.dataPath('spin', 'bigrams.tsv'), '\t', 'utf8', prebuilt(res));
  let total = 0;
  for (const n of allCounts(uni)) total += n;
  let floor = Infinity;
  for (const n of allCounts(bi)) if (n < floor) floor = n;
  return { uni, bi, total, floor };
});
const load = (): Counts => use(COUNTS);

// The lists spell the British way ("centre", "travelling", "colour"): an American form is looked up as
// its British one, so "center" is not taken for a word the counts never saw.
function british(w: string): string[] {
  return [
    w.replace(/ter(s?)$/, 'tre$1'),
    w.replace(/or(s?)$/, 'our$1').replace(/or(ed|ing|ful)$/, 'our$1'),
    w.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1'),
    w.replace(/([aeiou])l(ed|ing|er|ers)$/, '$1ll$2'),
    w.replace(/yz(e|es|ed|ing)$/, 'ys$1'),
    w.replace(/og$/, 'ogue'),
    w.replace(/ense$/, 'ence'),
  ].filter((v) => v !== w);
}

/** The word's form in the lists: itself, or its British spelling; null when neither is listed. */
function listedFormOf(w: string): string | null {
  const c = load();
  if (c.uni.has(w)) return w;
  for (const v of british(w)) if (c.uni.has(v)) return v;
  return null;
}
// memos over the counts live beside them in the Resources object (a fresh object reads fresh lists)
const LISTED_FORM = resource('listed form of a word (memo)', () => memoise(listedFormOf));
export const listedForm = (w: string): string | null => use(LISTED_FORM)(w);

// the spin model asks for the pair strength of every unit and each of its mates: the same few thousand
// words' counts over and over, each a binary search in the list's text without this
const LISTED_COUNT = resource('listed word counts (memo)', () =>
  memoise((w: string): number => countOf(load().uni, w) ?? 0),
);
const listedCount = (w: string): number => use(LISTED_COUNT)(w);

/** Corpus count of a lowercase word (0: not among the 82,000). */
export function unigramCount(w: string): number {
  const f = listedForm(w);
  return f === null ? 0 : listedCount(f);
}

/**
 * Estimated corpus count of the pair "a b". A listed pair has its count; an unlisted one is below the
 * list's floor, so it gets what independence predicts, capped at half the floor.
 */
export function pairCountEstimate(a: string, b: string): number {
  const c = load();
  const listed = countOf(c.bi, `${a} ${b}`);
  if (listed !== undefined) return listed;
  const ua = listedCount(a);
  const ub = listedCount(b);
  return Math.min(c.floor / 2, (ua * ub) / c.total);
}

/**
 * How strongly x goes with its neighbours: the pointwise mutual information of (left, x) plus that of
 * (x, right), a side with no word neighbour left out. Frequency cancels out, so a common synonym is not
 * preferred for being common; an unlisted pair scores at most 0 (what independence gives), less when even
 * independence predicts more than the list's floor.
 */
export function association(word: string, leftWord: string | null, rightWord: string | null): number {
  const c = load();
  const x = listedForm(word) ?? word;
  const ux = listedCount(x);
  if (ux === 0) return 0;
  let s = 0;
  for (const [a, b, other] of [
    [leftWord, x, leftWord],
    [x, rightWord, rightWord],
  ] as const) {
    if (other === null || a === null || b === null) continue;
    const la = listedForm(a) ?? a;
    const lb = listedForm(b) ?? b;
    const uo = listedCount(other === leftWord ? la : lb);
    if (uo === 0) continue;
    s += Math.log((pairCountEstimate(la, lb) * c.total) / ((listedCount(la) || 1) * (listedCount(lb) || 1)));
  }
  return s;
}
