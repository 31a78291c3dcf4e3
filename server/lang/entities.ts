import { distance } from 'fastest-levenshtein';
import type { Lang } from '../pipeline/types.js';
import { plainWord } from './numberWords.js';

// Named entities by surface cues (capitalised runs, acronyms), and a cross-language "is this name in that text?"
// that copes with Tagalog respellings (Rusya ~ Russia, Tsina ~ China, Hapon ~ Japan), hyphenation
// (Kim Jong-un ~ Kim Jong Un), the person markers si/ni/kay, and a short list of names Tagalog translates.

export interface Entity {
  text: string;
  start: number;
  end: number;
  /** Significant tokens, folded and split at hyphens ("Jong-un" → jong, un). */
  tokens: string[];
}

const TOKEN = /[\p{L}\p{M}\d]+(?:[-'’.][\p{L}\p{M}\d]+)*\.?/gu;

// Capitalised words that are not names: articles/markers at a run's edge, titles, pronouns, calendar words.
const NOT_NAMES = new Set(
  (
    'the a an and of in on at to for by with from this that these those it its he she they we i you his her their our my ' +
    'but or if as so when while after before during since because although however also then there here what who which ' +
    'ang ng sa mga si ni kay sina nina kina ay at na nang noong ayon para upang dahil kung ito iyon siya sila kami tayo ' +
    'mr mrs ms dr prof sir madam president pres vice prime minister secretary chairman chair general gen governor mayor senator sen rep ' +
    'king queen prince princess pope saint st lord sheikh rev ' +
    'pangulo presidente kalihim ministro heneral gobernador alkalde senador kinatawan hari reyna g gng bb dok ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre ' +
    'lunes martes miyerkules huwebes biyernes sabado linggo'
  ).split(' '),
);

// Names Tagalog writes differently enough that spelling rules do not meet them.
const EN_TL_NAMES: [string, string][] = [
  ['spain', 'espanya'], ['germany', 'alemanya'], ['netherlands', 'olanda'], ['greece', 'gresya'], ['egypt', 'ehipto'],
  ['britain', 'britanya'], ['england', 'inglatera'], ['switzerland', 'suwisa'], ['sweden', 'suwesya'],
  ['mexico', 'mehiko'], ['united', 'estados'], ['states', 'unidos'], ['america', 'amerika'], ['europe', 'europa'],
  ['christmas', 'pasko'], ['easter', 'pagkabuhay'], ['god', 'diyos'], ['jesus', 'hesus'], ['christ', 'kristo'],
  ['earth', 'daigdig'], ['moon', 'buwan'], ['sun', 'araw'], ['english', 'ingles'], ['spanish', 'espanyol'],
  ['chinese', 'tsino'], ['japanese', 'hapones'], ['french', 'pranses'], ['german', 'aleman'],
  ['korea', 'korea'], ['north', 'hilagang'], ['south', 'timog'], ['east', 'silangan'], ['west', 'kanluran'],
];
const ALIAS = new Map<string, string>();
for (const [en, tl] of EN_TL_NAMES) {
  ALIAS.set(en, tl);
  ALIAS.set(tl, en);
}

const isUpper = (w: string): boolean => /^\p{Lu}/u.test(w);
const sentenceStartBefore = (text: string, i: number): boolean => {
  const before = text.slice(Math.max(0, i - 4), i).trimEnd();
  return before === '' || /[.!?:;"“”‘'(\-–—•]$/u.test(before);
};

export function foldTokens(s: string): string[] {
  return plainWord(s)
    .split(/[-\s.'’]+/)
    .filter((t) => t.length > 0);
}

/** Capitalised runs and acronyms that look like names. Sentence-initial single words are left out (ambiguous). */
export function extractEntities(text: string, _lang: Lang): Entity[] {
  const toks = [...text.matchAll(TOKEN)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
  const out: Entity[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isUpper(toks[i]!.w) || NOT_NAMES.has(plainWord(toks[i]!.w).replace(/\.$/, ''))) {
      i++;
      continue;
    }
    let j = i;
    while (
      j + 1 < toks.length &&
      isUpper(toks[j + 1]!.w) &&
      /^[ -]$/.test(text.slice(toks[j]!.end, toks[j + 1]!.start)) &&
      !NOT_NAMES.has(plainWord(toks[j + 1]!.w).replace(/\.$/, ''))
    )
      j++;
    const first = toks[i]!;
    const last = toks[j]!;
    const initial = sentenceStartBefore(text, first.start);
    const acronym = /^\p{Lu}{2,}|^(\p{Lu}\.){2,}/u.test(first.w);
    if (!initial || j > i || acronym) {
      const raw = text.slice(first.start, last.end).replace(/\.$/, '');
      const tokens = foldTokens(raw).filter((t) => !NOT_NAMES.has(t) && (t.length > 1 || acronym));
      if (tokens.length) out.push({ text: raw, start: first.start, end: first.start + raw.length, tokens });
    }
    i = j + 1;
  }
  return out;
}

/** A spelling key that Tagalog respellings of names share with their source (Rusya/Russia → rusi). */
export function nameKey(t: string): string {
  return t
    .replace(/ph/g, 'f')
    .replace(/f/g, 'p')
    .replace(/ch/g, 'ts')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/qu/g, 'k')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/j/g, 'h')
    .replace(/y/g, 'i')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/(.)\1+/g, '$1')
    .replace(/[aeiou]+$/, '');
}

function keysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 4) return false;
  let p = 0;
  while (p < n && a[p] === b[p]) p++;
  if (p >= 5) return true;
  return distance(a, b) <= (n >= 6 ? 2 : 1);
}

/** The folded words and name keys of a text, for repeated look-ups. */
export interface NameIndex {
  words: Set<string>;
  keys: string[];
}

export function nameIndex(text: string): NameIndex {
  const words = new Set(foldTokens(text.replace(/[^\p{L}\p{M}\d\s'’-]/gu, ' ')));
  return { words, keys: [...words].filter((w) => w.length >= 3).map(nameKey) };
}

/** Is one significant token of `e` present (exactly, respelt, or as a known Tagalog/English name) in `idx`? */
export function entityIn(e: Entity, idx: NameIndex): boolean {
  return e.tokens.some((t) => {
    if (idx.words.has(t)) return true;
    const alias = ALIAS.get(t);
    if (alias && idx.words.has(alias)) return true;
    if (t.length < 3) return false;
    const k = nameKey(t);
    return idx.keys.some((o) => keysMatch(k, o));
  });
}
