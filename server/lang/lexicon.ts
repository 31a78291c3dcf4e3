import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { cognateKey, enNumberWord, enStem, fold, isEnStopword } from './text-norm.js';
import { tlStemCandidates } from './tl-morph.js';

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

export function parseLexicon(tsv: string, tlStopwords: Iterable<string>): Lexicon {
  const table = new Map<string, Translation[]>();
  for (const line of tsv.split('\n').slice(1)) {
    const [tl, en, score] = line.split('\t');
    if (!tl || !en) continue;
    let list = table.get(tl);
    if (!list) table.set(tl, (list = []));
    list.push({ en: enNumberWord(en) ?? en, score: Number(score) || 0 });
  }
  const stop = new Set([...tlStopwords].map(fold));
  const cache = new Map<string, readonly Translation[]>();
  return {
    size: table.size,
    isTlStopword: (w) => stop.has(fold(w)),
    translate(word) {
      const w = fold(word);
      const hit = cache.get(w);
      if (hit) return hit;
      let found: readonly Translation[] = NONE;
      for (const c of tlStemCandidates(w)) {
        const list = table.get(c);
        if (list) {
          // A base reached by stripping is a weaker witness than the surface form itself.
          found = c === w ? list : list.map((t) => ({ en: t.en, score: t.score * 0.8 }));
          break;
        }
      }
      cache.set(w, found);
      return found;
    },
  };
}

let cached: Lexicon | null = null;

/** The shipped lexicon, read from data/lexicon on first use. */
export function loadLexicon(): Lexicon {
  if (!cached) {
    const tsv = readFileSync(dataPath('lexicon', 'tl-en.tsv'), 'utf8');
    const stop = readFileSync(dataPath('lexicon', 'stopwords-tl.txt'), 'utf8').split('\n').filter(Boolean);
    cached = parseLexicon(tsv, stop);
  }
  return cached;
}

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

/**
 * Lexical coverage of a Tagalog/English pair of token lists (words as written). Stopwords are ignored;
 * identical words (names, numbers) and spelling-normalised cognates (internasyonal ~ international) count.
 */
export function lexicalCoverage(tlTokens: string[], enTokens: string[], lex: Lexicon = loadLexicon()): Coverage {
  const tlWords = tlTokens.map(fold).filter((w) => w && !lex.isTlStopword(w));
  const enWords = enTokens.map(fold).filter((w) => w && !isEnStopword(w));
  const enKeys = new Set<string>();
  for (const w of enWords) {
    enKeys.add('w:' + enKey(w));
    const ck = cognateKey(w);
    if (ck) enKeys.add('c:' + ck);
  }
  const tlKeys = new Set<string>();
  let tlHit = 0;
  for (const w of tlWords) {
    const keys = ['w:' + w, ...lex.translate(w).map((t) => 'w:' + t.en)];
    const ck = cognateKey(w);
    if (ck) keys.push('c:' + ck);
    for (const k of keys) tlKeys.add(k);
    if (keys.some((k) => enKeys.has(k))) tlHit++;
  }
  let enHit = 0;
  for (const w of enWords) {
    const ck = cognateKey(w);
    if (tlKeys.has('w:' + enKey(w)) || tlKeys.has('w:' + w) || (ck && tlKeys.has('c:' + ck))) enHit++;
  }
  return {
    tl: tlWords.length ? tlHit / tlWords.length : 0,
    en: enWords.length ? enHit / enWords.length : 0,
    tlContent: tlWords.length,
    enContent: enWords.length,
  };
}

/** One number in [0,1] for "these two token lists say the same thing": the mean of both coverages. */
export function translationScore(tlTokens: string[], enTokens: string[], lex: Lexicon = loadLexicon()): number {
  const c = lexicalCoverage(tlTokens, enTokens, lex);
  return (c.tl + c.en) / 2;
}
