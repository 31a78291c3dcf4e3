import { readFileSync } from 'node:fs';
import { cognateKey, enNumberWord, enStem, fold, isEnStopword, words } from './text-norm.js';
import { Memo } from '../memo.js';
import { LineIndex } from './line-index.js';
import { indexFile } from './line-index-file.js';
import { tlStemCandidates } from './tl-morph.js';
import { resource, use } from '../core/resources.js';
import { prebuilt } from './prebuilt.js';

// The shipped Tagalog→English lexicon (data/lexicon/tl-en.tsv, built by scripts/build-lexicon.ts; sources
// and licences in data/lexicon/SOURCES.md). Loaded lazily once; look-ups fall back to Tagalog affix stripping.

export interface Translation {
  en: string; // stemmed English word (enStem), or digits for number words
  score: number; // 0..1
}

export interface Lexicon {
  size: number;
  /** Translations of a Tagalog word (surface form first, then its affix-stripped bases). Cached. */
  translate(tlWord: string): readonly Translation[];
  isTlStopword(w: string): boolean;
}

const NONE: readonly Translation[] = [];

function addEntry(list: Translation[], line: string): void {
  const [tl, en, score] = line.split('\t');
  if (tl && en) list.push({ en: enNumberWord(en) ?? en, score: Number(score) || 0 });
}

/**
 * The lexicon's table: Tagalog word → its translations, in file order (line 0 is the header). A file that
 * lists each word's lines together (the shipped one is sorted) is indexed as it stands and a word's lines
 * are read when it is first looked up: every batch worker loads the lexicon, and parsing all 40,000 lines
 * was most of that. Another file is read whole into a Map.
 */
function translationTable(index: LineIndex): { get: (tl: string) => Translation[] | undefined; size: () => number } {
  if (!index.grouped) {
    const table = new Map<string, Translation[]>();
    for (let i = 1; i < index.lines; i++) {
      const list: Translation[] = [];
      addEntry(list, index.line(i));
      if (list.length) (table.get(index.key(i)) ?? table.set(index.key(i), []).get(index.key(i))!).push(...list);
    }
    return { get: (tl) => table.get(tl), size: () => table.size };
  }
  const read = new Map<string, Translation[]>(); // only words the file has: bounded by it
  const get = (tl: string): Translation[] | undefined => {
    const known = read.get(tl);
    if (known) return known;
    let first = index.find(tl);
    if (first === 0) first = index.keyIs(1, tl) ? 1 : -1; // the header's key, or a word listed right after it
    if (first < 0) return undefined;
    const list: Translation[] = [];
    for (let i = first; i < index.lines && index.keyIs(i, tl); i++) addEntry(list, index.line(i));
    if (!list.length) return undefined;
    read.set(tl, list);
    return list;
  };
  return { get, size: () => [...index.keys()].filter((k) => get(k)).length };
}

export function parseLexicon(tsv: string, tlStopwords: Iterable<string>): Lexicon {
  return lexiconOf(new LineIndex(tsv, '\t'), tlStopwords);
}

/** A lexicon over its TSV's line index (the shipped file's is kept: line-index-file.ts). */
function lexiconOf(index: LineIndex, tlStopwords: Iterable<string>): Lexicon {
  const table = translationTable(index);
  const stop = new Set([...tlStopwords].map(fold));
  // bounded: a long batch looks up ever more words, most of them not in the lexicon
  const cache = new Memo<string, readonly Translation[]>(200_000);
  return {
    get size() {
      return table.size();
    },
    isTlStopword: (w) => stop.has(fold(w)),
    translate: (word) =>
      cache.get(fold(word), (w) => {
        for (const c of tlStemCandidates(w)) {
          const list = table.get(c);
          // A base reached by stripping is a weaker witness than the surface form itself.
          if (list) return c === w ? list : list.map((t) => ({ en: t.en, score: t.score * 0.8 }));
        }
        return NONE;
      }),
  };
}

const LEXICON = resource('Tagalog–English lexicon', (res) => {
  const index = indexFile(res.dataPath('lexicon', 'tl-en.tsv'), '\t', 'utf8', prebuilt(res));
  const stop = readFileSync(res.dataPath('lexicon', 'stopwords-tl.txt'), 'utf8').split('\n').filter(Boolean);
  return lexiconOf(index, stop);
});

/** The shipped lexicon, read from data/lexicon on first use. */
export const loadLexicon = (): Lexicon => use(LEXICON);

/** English-side key of a word: digits for number words, else its stem. */
export function enKey(w: string): string {
  const f = fold(w);
  return enNumberWord(f) ?? enStem(f);
}

export interface Coverage {
  tl: number; // share of Tagalog content words with a translation (or cognate) among the English words
  en: number; // share of English content words explained by a translation (or cognate) of a Tagalog word
  tlContent: number; // how many Tagalog content words were counted
  enContent: number;
}

/** A Tagalog text's content words and the keys each can be matched by (its form, translations, cognate key). */
interface TlSide {
  words: number;
  keyLists: string[][];
  keys: Set<string>;
}
/** An English text's content words: per word its stem key, form key and cognate key; and all of them. */
interface EnSide {
  wordKeys: [string, string, string | null][];
  keys: Set<string>;
}

function tlSide(tlTokens: string[], lex: Lexicon): TlSide {
  const keyLists: string[][] = [];
  const keys = new Set<string>();
  for (const w of tlTokens.map(fold)) {
    if (!w || lex.isTlStopword(w)) continue;
    const list = ['w:' + w, ...lex.translate(w).map((t) => 'w:' + t.en)];
    const ck = cognateKey(w);
    if (ck) list.push('c:' + ck);
    for (const k of list) keys.add(k);
    keyLists.push(list);
  }
  return { words: keyLists.length, keyLists, keys };
}

function enSide(enTokens: string[]): EnSide {
  const wordKeys: EnSide['wordKeys'] = [];
  const keys = new Set<string>();
  for (const w of enTokens.map(fold)) {
    if (!w || isEnStopword(w)) continue;
    const ck = cognateKey(w);
    const stem = 'w:' + enKey(w);
    keys.add(stem);
    if (ck) keys.add('c:' + ck);
    wordKeys.push([stem, 'w:' + w, ck ? 'c:' + ck : null]);
  }
  return { wordKeys, keys };
}

function coverageOf(tl: TlSide, en: EnSide): Coverage {
  let tlHit = 0;
  for (const list of tl.keyLists) if (list.some((k) => en.keys.has(k))) tlHit++;
  let enHit = 0;
  for (const [stem, form, cog] of en.wordKeys)
    if (tl.keys.has(stem) || tl.keys.has(form) || (cog !== null && tl.keys.has(cog))) enHit++;
  return {
    tl: tl.words ? tlHit / tl.words : 0,
    en: en.wordKeys.length ? enHit / en.wordKeys.length : 0,
    tlContent: tl.words,
    enContent: en.wordKeys.length,
  };
}

/**
 * Lexical coverage of a Tagalog/English pair of token lists (words as written). Stopwords are ignored;
 * identical words (names, numbers) and spelling-normalised cognates (internasyonal ~ international) count.
 */
export function lexicalCoverage(tlTokens: string[], enTokens: string[], lex: Lexicon = loadLexicon()): Coverage {
  return coverageOf(tlSide(tlTokens, lex), enSide(enTokens));
}

// The misalignment check scores each sentence against a dozen neighbours: each side's keys are worked
// out once per sentence (with the shipped lexicon).
const SIDES = resource('lexicon coverage sides (memo)', () => ({
  tl: new Memo<string, TlSide>(5000),
  en: new Memo<string, EnSide>(5000),
}));

/** lexicalCoverage of two texts, tokenised by words(), each side's keys kept per text. */
export function textCoverage(tlText: string, enText: string): Coverage {
  const sides = use(SIDES);
  return coverageOf(
    sides.tl.get(tlText, (t) => tlSide(words(t), loadLexicon())),
    sides.en.get(enText, (t) => enSide(words(t))),
  );
}

/** One number in [0,1] for "these two token lists say the same thing": the mean of both coverages. */
export function translationScore(tlTokens: string[], enTokens: string[], lex: Lexicon = loadLexicon()): number {
  const c = lexicalCoverage(tlTokens, enTokens, lex);
  return (c.tl + c.en) / 2;
}
