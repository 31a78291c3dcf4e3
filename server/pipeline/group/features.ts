import type { Lang, SegmentedDoc } from '../types.js';
import { enKey, loadLexicon } from '../../lang/lexicon.js';
import { cognateKey, fold, isEnStopword, words as tokens } from '../../lang/text-norm.js';
import { MemoFamily } from '../../memo.js';
import { own } from '../../lang/own.js';
import { FNV_PRIME, FNV_START, fnv1a, fnvMore } from '../../lang/fnv.js';
import { EMPTY_SEQUENCE, wordSequence, type WordSequence } from './sequence.js';

// What story discovery compares, reduced to hashed features so thousands of documents fit in memory:
// - anchors: language-independent evidence that two versions tell the same story (numbers, dates,
//   capitalised names mid-sentence); they cross the tl/en boundary unchanged.
// - shingles: same-language near-duplicate evidence (word 3-grams, function words included): a spun copy
//   keeps most of its original's 3-grams, since a spinner swaps single words; two texts on one topic
//   share almost none.
// - skeletons: one per sentence, its words with every run of content words blanked out ("the * of * on
//   * that 1,200 * will *"): a spinner swaps content words, so even a heavily spun copy keeps most
//   sentence skeletons of its original, where its 3-grams are gone.
// - words: same-language evidence for comparable articles (content words and word bigrams).
// - lex: cross-language evidence, in English-side keys. Each distinct content word is a slot of keys: an
//   English word's stem and cognate key; a Tagalog word's keys as written (names, numbers, loans), its
//   cognate key and its lexicon translations. `lex` is the union of the slots, so a Tagalog version and
//   its English source can each be measured by how many of their words the other covers.

export interface DocFeatures {
  lang: Lang;
  /** Sentences outside boilerplate: a translation has about as many as its source. */
  sentences: number;
  anchors: Uint32Array; // sorted, distinct
  /** The numbers among the anchors (sorted, distinct): a spinner never changes them, a template does. */
  numbers: Uint32Array;
  words: Uint32Array; // sorted, distinct
  shingles: Uint32Array; // sorted, distinct
  skeletons: Uint32Array; // sorted, distinct
  lex: Uint32Array; // sorted, distinct
  /** Slot i (the i-th distinct content word) is the lex keys slotKeys[slotStart[i] .. slotStart[i+1]). */
  slotKeys: Uint32Array;
  slotStart: Uint32Array;
  /** English only: the content words in order, as synonym classes (sequence.ts), for spun copies. */
  sequence: WordSequence;
}

/** How many lexicon translations of a Tagalog word stand for it (the best-scored first). */
const TRANSLATIONS_PER_WORD = 8;

interface Slots {
  keys: number[];
  start: number[];
  seen: Set<string>;
}

/** Keys of a word (by language and form as written), or null for a stopword: words repeat across a batch. */
const keyCaches = new MemoFamily<string, number[] | null>(200_000);

function keysOf(w: string, lang: Lang): number[] | null {
  return keyCaches.table(lang).get(w, () => keysOfWord(w, lang));
}

function keysOfWord(w: string, lang: Lang): number[] | null {
  const lex = lang === 'tl' ? loadLexicon() : null;
  const f = fold(w);
  let out: number[] | null = null;
  if (!(lex ? lex.isTlStopword(f) : isEnStopword(f))) {
    const keys = new Set([fnv1a('x:' + enKey(f))]);
    const cog = cognateKey(f);
    if (cog) keys.add(fnv1a('k:' + cog));
    if (lex) for (const t of lex.translate(f).slice(0, TRANSLATIONS_PER_WORD)) keys.add(fnv1a('x:' + t.en));
    out = [...keys];
  }
  return out;
}

function lexOf(text: string, lang: Lang, slots: Slots): void {
  for (const w of tokens(text)) {
    if (w.length < 2 || (w.length < 3 && !/^\d+$/.test(w))) continue; // single digits are everywhere
    const keys = keysOf(w, lang);
    const f = keys && fold(w);
    if (!keys || !f || slots.seen.has(f)) continue;
    slots.seen.add(f);
    slots.start.push(slots.keys.length);
    slots.keys.push(...keys);
  }
}

/** Month names (en, tl) → month number, so "September" and "Setyembre" are one anchor. */
const MONTHS: Record<string, number> = {};
[
  ['january', 'enero'],
  ['february', 'pebrero'],
  ['march', 'marso'],
  ['april', 'abril'],
  ['may', 'mayo'],
  ['june', 'hunyo'],
  ['july', 'hulyo'],
  ['august', 'agosto'],
  ['september', 'setyembre'],
  ['october', 'oktubre'],
  ['november', 'nobyembre'],
  ['december', 'disyembre'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

// Function words that are capitalised at line starts or in titles, in both languages: not names.
const NOT_NAMES = new Set(
  (
    'the a an and or but of in on at to for with by from as is are was were be this that these those it its ' +
    'he she they we you i his her their our my there what when where who why how if while after before ' +
    'ang ng mga sa si ni na at ay ito iyon siya sila kami tayo ako ikaw noong nang para kung habang dahil ' +
    'sinabi ayon isang mula hindi pero ngunit subalit'
  ).split(' '),
);

const STOP = new Set(
  (
    'about above after again against all also among been before being below between both could did does doing down during ' +
    'each even every from further have having here into just more most much must only other over same should some such than ' +
    'that their them then there these they this those through under until very were what when where which while will with ' +
    'would your said says year years time ' +
    'akin aking amin ako ang ano at ay hindi iba ilan ito iyon kanila kapag kay kaya kung lahat laban lamang mga mula naman ' +
    'nang para pero sila siya subalit tayo upang wala yung yang noong nito niya nila natin namin dahil doon dito'
  ).split(' '),
);

// Features are compared by hash (lang/fnv.ts): a rare collision only adds a little noise to a score.
const SPACE = 32;
/** fnv1a(prefix + words[from..to).join(' ')) without building the string (a batch hashes millions). */
function fnvWords(start: number, words: string[], from: number, to: number): number {
  let h = start;
  for (let i = from; i < to; i++) {
    if (i > from) h = Math.imul(h ^ SPACE, FNV_PRIME);
    h = fnvMore(h, words[i] as string);
  }
  return h >>> 0;
}
const [W_START, B_START, H_START] = ['w:', 'b:', 'h:'].map((p) => fnvMore(FNV_START, p)) as [number, number, number];

/** Words per shingle. */
const SHINGLE = 3;
// English closed-class words a spinner leaves alone (its synonym lists are for content words; modals
// such as can/may it does swap, so they are blanked like content words).
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor if of to in on at by for with from as into onto than then that this these those ' +
    'it its he she they we you i me him her them us my your his our their who whom whose which what ' +
    'be is are was were been being am do does did have has had not no so there here up out off over under'
  ).split(' '),
);

/** Words a sentence needs for its skeleton to say anything ("Have fun." has the skeleton of thousands). */
const SKELETON_MIN = 6;

const toSorted = (set: Set<number>): Uint32Array => Uint32Array.from(set).sort();

const NUMBER_RE = /\d[\d,]*(?:\.\d+)?/g;
const WORD_RE = /[\p{L}][\p{L}\p{M}'’-]*/gu;

const SPACE_RE = /\s/;
/** The last non-space character of the 4 before `at` (what the pattern \S(?=\s*$) finds there), without slicing. */
function leadBefore(text: string, at: number): string | undefined {
  for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
    const c = text[i] as string;
    if (c !== ' ' && c !== '\n' && !SPACE_RE.test(c)) return c;
  }
  return undefined;
}

function anchorsOf(text: string, out: Set<number>, numbers: Set<number>): void {
  for (const m of text.matchAll(NUMBER_RE)) {
    const n = m[0].replace(/,/g, '').replace(/\.$/, '');
    // single digits are everywhere (lists, "2 days"); they say little about which story this is
    if (n.length >= 2) (out.add(fnv1a('n:' + n)), numbers.add(fnv1a('n:' + n)));
  }
  let prevEnd = -1;
  let prevName: string | null = null;
  for (const m of text.matchAll(WORD_RE)) {
    const w = m[0];
    const at = m.index ?? 0;
    const lower = w.toLowerCase();
    const capitalised = w[0] !== lower[0];
    const month = own(MONTHS, lower);
    if (month !== undefined && capitalised) out.add(fnv1a('m:' + month));
    // a capitalised word counts as a name unless it starts a sentence (any capital word does)
    const lead = leadBefore(text, at);
    const sentenceStart = lead === undefined || /[.!?:"“\-–—•]/.test(lead);
    const name = capitalised && lower.length >= 3 && !NOT_NAMES.has(lower) ? lower.replace(/['’]s$/, '') : null;
    if (name && !sentenceStart) out.add(fnv1a('c:' + name));
    // two-word names ("Kim Jong") are stronger evidence than either word alone, wherever they stand
    if (name && prevName && at === prevEnd + 1 && text.charCodeAt(prevEnd) === SPACE)
      out.add(fnv1a('c2:' + prevName + ' ' + name));
    prevName = name;
    prevEnd = at + w.length;
  }
}

export const featuresOf = (doc: SegmentedDoc): DocFeatures => features(doc, true);

/**
 * featuresOf with the word sequence left empty, for the caller to fill in with wordSequence (sequenceTexts)
 * where WordNet is at hand (batch/pool.ts: only the reading workers load it).
 */
export const featuresWithoutSequence = (doc: SegmentedDoc): DocFeatures => features(doc, false);

function features(doc: SegmentedDoc, withSequence: boolean): DocFeatures {
  const anchors = new Set<number>();
  const numbers = new Set<number>();
  const words = new Set<number>();
  const shingles = new Set<number>();
  const skeletons = new Set<number>();
  const keepInSkeleton = (w: string): boolean =>
    /\d/.test(w) || (doc.lang === 'tl' ? loadLexicon().isTlStopword(w) : FUNCTION_WORDS.has(w));
  const slots: Slots = { keys: [], start: [], seen: new Set() };
  for (const seg of doc.segments) {
    if (seg.boilerplate) continue;
    anchorsOf(seg.text, anchors, numbers);
    if (doc.lang !== 'other') lexOf(seg.text, doc.lang, slots);
    const all = seg.text.match(WORD_RE)?.map((w) => w.toLowerCase()) ?? [];
    for (let i = 0; i < all.length; i++) {
      const w = all[i] as string;
      if (w.length < 4 || STOP.has(w)) continue;
      words.add(fnvMore(W_START, w) >>> 0);
      const prev = all[i - 1];
      if (prev !== undefined && prev.length >= 4 && !STOP.has(prev)) words.add(fnvWords(B_START, all, i - 1, i + 1));
    }
    // runs of content words collapse into one blank: a spinner may swap one word for two ("year" → "twelve months")
    if (all.length >= SKELETON_MIN)
      skeletons.add(
        fnv1a(
          's:' +
            all
              .map((w) => (keepInSkeleton(w) ? w : '*'))
              .join(' ')
              .replace(/\*( \*)+/g, '*'),
        ),
      );
    if (all.length && all.length < SHINGLE) shingles.add(fnvWords(H_START, all, 0, all.length));
    for (let i = 0; i + SHINGLE <= all.length; i++) shingles.add(fnvWords(H_START, all, i, i + SHINGLE));
  }
  return {
    lang: doc.lang,
    sentences: doc.segments.filter((s) => !s.boilerplate).length,
    anchors: toSorted(anchors),
    numbers: toSorted(numbers),
    words: toSorted(words),
    shingles: toSorted(shingles),
    skeletons: toSorted(skeletons),
    lex: toSorted(new Set(slots.keys)),
    slotKeys: Uint32Array.from(slots.keys),
    slotStart: Uint32Array.from([...slots.start, slots.keys.length]),
    sequence: doc.lang === 'en' && withSequence ? wordSequence(sequenceTexts(doc)) : EMPTY_SEQUENCE,
  };
}

/** What an English document's word sequence is made of (featuresOf, or sequence.ts wordSequence by itself). */
export const sequenceTexts = (doc: SegmentedDoc): string[] =>
  doc.segments.filter((s) => !s.boilerplate).map((s) => s.text);

/** Whether featuresWithoutSequence left out a word sequence the document has. */
export const needsSequence = (doc: SegmentedDoc): boolean => doc.lang === 'en';
