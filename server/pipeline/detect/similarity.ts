import type { Lang } from '../types.js';
import { plainWord } from '../../lang/numberWords.js';
import { factNumbers } from '../../lang/numbers.js';
import { entityIn, extractEntities, nameIndex } from '../../lang/entities.js';
import { textCoverage } from '../../lang/lexicon.js';
import { MemoFamily } from '../../memo.js';
import { TL_PER_EN } from './detectors/pair/lengthRatio.js';
import { resource, use } from '../../core/resources.js';

// Cross-language "do these two sentences say the same thing?" for the coverage and misalignment checks.
// Lexical part: the shipped Tagalog–English lexicon (server/lang/lexicon.ts) for tl/en pairs; shared words and
// cognate spellings for same-language pairs.

export interface CoverageResult {
  /** Share of the first text's content words explained by the second (0..1). */
  a: number;
  /** Share of the second text's content words explained by the first. */
  b: number;
  aContent: number;
  bContent: number;
}

export type LexicalCoverage = (a: string, aLang: Lang, b: string, bLang: Lang) => CoverageResult;

const STOP = new Set(
  'the of and to a in is was are were be been that this for on with as by at from it its he she they we you i his her their our not but or an which who has have had will would can could should there ang ng sa mga na ay si ni kay at ito siya sila kami tayo para upang kung dahil pero ngunit nang noong din rin lamang lang po ba pa isang may mayroon'.split(
    ' ',
  ),
);

function contentWords(text: string): string[] {
  return (plainWord(text).match(/[\p{L}\d]+/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w));
}

// Loanword spelling: Tagalog writes k for c, s for c(e/i), y for i, p for f… (teknolohiya ~ technology).
function cognate(w: string): string {
  return w
    .replace(/tion$/, 'syon')
    .replace(/ph/g, 'f')
    .replace(/f/g, 'p')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/[aeiou]+$/, '')
    .slice(0, 6);
}

/** The fallback: shared words and cognate stems, no dictionary. */
export const sharedWordCoverage: LexicalCoverage = (a, _aLang, b) => {
  const aw = contentWords(a);
  const bw = contentWords(b);
  const bset = new Set(bw.flatMap((w) => [w, 'c:' + cognate(w)]));
  const aset = new Set(aw.flatMap((w) => [w, 'c:' + cognate(w)]));
  const hit = (w: string, set: Set<string>) => set.has(w) || (w.length >= 5 && set.has('c:' + cognate(w)));
  return {
    a: aw.length ? aw.filter((w) => hit(w, bset)).length / aw.length : 0,
    b: bw.length ? bw.filter((w) => hit(w, aset)).length / bw.length : 0,
    aContent: aw.length,
    bContent: bw.length,
  };
};

/** Lexical coverage of a pair: through the lexicon when one side is Tagalog and the other English. */
export const lexicalCoverage: LexicalCoverage = (a, al, b, bl) => {
  if (al === 'tl' && bl === 'en') {
    const c = textCoverage(a, b);
    return { a: c.tl, b: c.en, aContent: c.tlContent, bContent: c.enContent };
  }
  if (al === 'en' && bl === 'tl') {
    const c = textCoverage(b, a);
    return { a: c.en, b: c.tl, aContent: c.enContent, bContent: c.tlContent };
  }
  return sharedWordCoverage(a, al, b, bl);
};

export interface PairSimilarity {
  score: number; // 0..1
  lexical: number;
  anchors: number; // share of anchors (numbers, names) that agree, or -1 when there are none
  lengthFit: number; // 0..1, 1 when the length ratio is the expected one
}

export function lengthFit(a: string, aLang: Lang, b: string, bLang: Lang): number {
  const ratio = aLang === bLang ? 1 : aLang === 'tl' ? 1 / TL_PER_EN : bLang === 'tl' ? TL_PER_EN : 1;
  const la = Math.max(a.length, 1) * ratio;
  const lb = Math.max(b.length, 1);
  return Math.exp(-Math.abs(Math.log(la / lb)) * 1.5);
}

interface Features {
  numbers: number[];
  entities: ReturnType<typeof extractEntities>;
}

// Misalignment compares each sentence with a dozen neighbours: its features are computed once (a table
// per language keyed by the sentence itself: a "lang + text" key would be a new string to hash every call).
const FEATURE_CACHE_MEMO = resource('sentence features (memo)', () => new MemoFamily<string, Features>(5000));
function features(text: string, lang: Lang): Features {
  return use(FEATURE_CACHE_MEMO)
    .table(lang)
    .get(text, () => ({ numbers: factNumbers(text, lang).map((n) => n.value), entities: extractEntities(text, lang) }));
}

/** One similarity in [0,1] for a sentence pair, from lexical coverage, anchors and length. */
export function pairSimilarity(a: string, aLang: Lang, b: string, bLang: Lang): PairSimilarity {
  const cov = lexicalCoverage(a, aLang, b, bLang);
  const lexical = (cov.a + cov.b) / 2;
  const fa = features(a, aLang);
  const fb = features(b, bLang);
  let agree = 0;
  let total = 0;
  for (const v of fa.numbers) (total++, fb.numbers.includes(v) && agree++);
  for (const v of fb.numbers) (total++, fa.numbers.includes(v) && agree++);
  // a sentence's name index (entities.ts keeps it per text) is built only when the other has names to find in it
  for (const e of fa.entities) (total++, entityIn(e, nameIndex(b, bLang), aLang) && agree++);
  for (const e of fb.entities) (total++, entityIn(e, nameIndex(a, aLang), bLang) && agree++);
  const anchors = total ? agree / total : -1;
  const lf = lengthFit(a, aLang, b, bLang);
  const score = anchors < 0 ? 0.85 * lexical + 0.15 * lf : 0.6 * lexical + 0.3 * anchors + 0.1 * lf;
  return { score, lexical, anchors, lengthFit: lf };
}
