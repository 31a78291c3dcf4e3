import type { Lang } from '../pipeline/types.js';
import { MemoFamily } from '../memo.js';
import { EN_MULTIPLIERS, TL_MULTIPLIERS, englishWords, plainWord, tagalogWords, type WordValue } from './numberWords.js';
import { own } from './own.js';

// Numbers in running text, normalised to values, for alignment anchors and the numbers detector:
// digits (1,200 · 3.5 · 21st · ika-5), English and Tagalog number words ("twenty-one", "dalawampu't isa",
// "dalawang daan", "ikalima"), scale words ("2.5 million", "limang libo"), years, percentages, money, times.

export type NumberKind = 'cardinal' | 'ordinal' | 'year' | 'percent' | 'money' | 'time' | 'label';

export interface ExtractedNumber {
  value: number;
  start: number;
  end: number;
  raw: string; // text.slice(start, end)
  kind: NumberKind;
  /** True when spelt in words: small word numbers ("isang", "one") are often articles, not facts. */
  fromWords: boolean;
}

const TOKEN =
  /(?<time>(?<![\p{L}\d])\d{1,2}:\d{2}(?!\d))|(?<ika>(?<![\p{L}\d])[Ii]ka-?\s?(?<ikan>\d+))|(?<num>(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))(?<suf>st|nd|rd|th)?|(?<word>[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*)|(?<sym>[%$€£₱])/gu;

type Part =
  | { t: 'num'; value: number; ordinal: boolean; words: boolean; joinNext: boolean }
  | { t: 'mult'; value: number; joinNext: boolean }
  | { t: 'join'; w: string }
  | { t: 'pct' }
  | { t: 'money' }
  | { t: 'other' };

interface Tok {
  start: number;
  end: number;
  raw: string;
  part: Part;
  time?: number;
  label?: number;
  digitsYear?: boolean;
}

const PERCENT_WORDS = new Set(['percent', 'porsiyento', 'porsyento', 'porsento', 'bahagdan', 'pct']);
const MONEY_WORDS = new Set(['dollars', 'dollar', 'dolyar', 'pesos', 'peso', 'piso', 'euros', 'euro', 'rubles', 'yen']);
const MONEY_PREFIX = new Set(['usd', 'php', 'us', 'p']);

// a pure function of the word: number words are looked up once per word and language
const looked = new MemoFamily<string, Part>(100_000);
function lookupWord(w: string, lang: Lang): Part {
  return looked.table(lang).get(w, () => lookupWordOf(w, lang));
}

function lookupWordOf(w: string, lang: Lang): Part {
  let key = plainWord(w);
  let joinNext = false;
  if (key.endsWith("'t")) {
    key = key.slice(0, -2);
    joinNext = true;
  }
  if (PERCENT_WORDS.has(key)) return { t: 'pct' };
  if (MONEY_WORDS.has(key)) return { t: 'money' };
  if (['at', 'na', 'and'].includes(key)) return { t: 'join', w: key };
  const tables: Map<string, WordValue>[] = lang === 'en' ? [englishWords()] : [tagalogWords(), englishWords()];
  const mults = lang === 'en' ? EN_MULTIPLIERS : TL_MULTIPLIERS;
  const candidates = [key];
  if (lang !== 'en') {
    // Tagalog ligature -ng ("dalawang", "libong") and the ordinal prefix written with a hyphen ("ika-lima").
    if (key.endsWith('ng') && key.length > 4) candidates.push(key.slice(0, -2), key.slice(0, -1));
    if (key.startsWith('ika-')) candidates.push('ika' + key.slice(4));
  }
  for (const c of candidates) {
    const mult = own(mults, c);
    if (mult !== undefined) return { t: 'mult', value: mult, joinNext };
    for (const table of tables) {
      const v = table.get(c);
      if (v) return { t: 'num', value: v.value, ordinal: v.ordinal, words: true, joinNext };
    }
    if (lang !== 'en' && c.startsWith('ika') && c.length > 4) {
      const v = tagalogWords().get(c.slice(3));
      if (v && !v.ordinal) return { t: 'num', value: v.value, ordinal: true, words: true, joinNext };
    }
  }
  return { t: 'other' };
}

function tokenize(text: string, lang: Lang): Tok[] {
  const toks: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups ?? {};
    const start = m.index;
    const raw = m[0];
    const end = start + raw.length;
    let part: Part;
    let time: number | undefined;
    let digitsYear = false;
    if (g.time) {
      const [h, mm] = g.time.split(':').map(Number);
      time = (h ?? 0) * 60 + (mm ?? 0);
      part = { t: 'other' };
    } else if (g.ika) {
      part = { t: 'num', value: Number(g.ikan), ordinal: true, words: false, joinNext: false };
    } else if (g.num) {
      const value = Number(g.num.replace(/,/g, ''));
      // Digits glued to a name ("COVID-19", "Il-76", "G7", "Soyuz-2") label the name rather than count.
      if (/\p{L}[-‑–]?$/u.test(text.slice(Math.max(0, start - 2), start))) {
        toks.push({ start, end, raw, part: { t: 'other' }, label: value });
        continue;
      }
      digitsYear = /^\d{4}$/.test(g.num) && value >= 1000 && value <= 2100 && !g.suf;
      part = { t: 'num', value, ordinal: Boolean(g.suf), words: false, joinNext: false };
    } else if (g.word) {
      part = MONEY_PREFIX.has(g.word.toLowerCase()) && /^\s?[$\d]/.test(text.slice(end, end + 2)) && g.word !== 'p'
        ? { t: 'money' }
        : lookupWord(g.word, lang);
    } else if (g.sym === '%') {
      part = { t: 'pct' };
    } else {
      part = { t: 'money' };
    }
    toks.push({ start, end, raw, part, time, digitsYear });
  }
  return toks;
}

const onlySpace = (text: string, a: number, b: number): boolean => /^[\s]*$/.test(text.slice(a, b));

/** Every number in `text`, in order, with its value, kind and offsets. */
export function extractNumbers(text: string, lang: Lang): ExtractedNumber[] {
  // the aligner, the pair detectors and the similarity scores each read a sentence's numbers
  return extracted.table(lang).get(text, () => extractNumbersOf(text, lang)).slice();
}

const extracted = new MemoFamily<string, ExtractedNumber[]>(50_000);

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

/**
 * Whether text without digits can hold a number: only a number word can open one (a count, or a scale
 * from a thousand up). Most sentences have neither, and the full tokenizer (a match object per word) was
 * most of what reading numbers cost.
 */
function mayHoldNumber(text: string, lang: Lang): boolean {
  if (/\d/.test(text)) return true;
  for (const w of text.match(WORD) ?? []) {
    const p = lookupWord(w, lang);
    if (p.t === 'num' || (p.t === 'mult' && p.value >= 1000)) return true;
  }
  return false;
}

function extractNumbersOf(text: string, lang: Lang): ExtractedNumber[] {
  if (!mayHoldNumber(text, lang)) return [];
  const toks = tokenize(text, lang);
  const out: ExtractedNumber[] = [];
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    if (tok.time !== undefined || tok.label !== undefined) {
      const kind = tok.time !== undefined ? 'time' : 'label';
      out.push({ value: (tok.time ?? tok.label)!, start: tok.start, end: tok.end, raw: tok.raw, kind, fromWords: false });
      i++;
      continue;
    }
    const p = tok.part;
    // A scale word opens a number only where it cannot be the noun "daan" (road) or "pu".
    if (p.t !== 'num' && !(p.t === 'mult' && p.value >= 1000)) {
      i++;
      continue;
    }
    let total = 0;
    let current = 0;
    let ordinal = false;
    let words = false;
    let lastWasHundred = false;
    let endTok = i;
    let j = i;
    let prevNum: number | null = null;
    while (j < toks.length) {
      const t = toks[j]!;
      if (j > i && !onlySpace(text, toks[j - 1]!.end, t.start)) break;
      const q = t.part;
      if (q.t === 'num') {
        if (j > i) {
          // Additive composition only where it reads as one number ("twenty one", "dalawampu't isa").
          const prev = toks[endTok]!.part;
          const joined = prev.t !== 'join' && 'joinNext' in prev && prev.joinNext;
          const afterTens = prevNum !== null && prevNum >= 20 && prevNum < 100 && prevNum % 10 === 0 && q.value < 10;
          if (!(afterTens || (lastWasHundred && q.value < 100) || joined) || ordinal || !q.words) break;
        }
        current += q.value;
        prevNum = q.value;
        ordinal ||= q.ordinal;
        words ||= q.words;
        lastWasHundred = false;
        endTok = j;
      } else if (q.t === 'mult') {
        if (j === i) current = 1;
        if (q.value === 100 || q.value === 10) current = (current || 1) * q.value;
        else {
          total += (current || 1) * q.value;
          current = 0;
        }
        words = true;
        lastWasHundred = q.value >= 100;
        prevNum = null;
        endTok = j;
      } else if (q.t === 'join' && j > i) {
        const next = toks[j + 1]?.part;
        const ok =
          next !== undefined &&
          ((q.w === 'na' && next.t === 'mult') ||
            (q.w !== 'na' && next.t === 'num' && next.words && (lastWasHundred || q.w === 'at')));
        if (!ok) break;
      } else break;
      j++;
    }
    const value = total + current;
    const first = toks[i]!;
    const last = toks[endTok]!;
    let start = first.start;
    let end = last.end;
    let kind: NumberKind = ordinal ? 'ordinal' : first.digitsYear && endTok === i ? 'year' : 'cardinal';
    const after = toks[endTok + 1];
    const before = toks[i - 1];
    if (after && (after.part.t === 'pct' || after.part.t === 'money') && onlySpace(text, end, after.start)) {
      kind = after.part.t === 'pct' ? 'percent' : 'money';
      end = after.end;
      endTok++;
    } else if (before && before.part.t === 'money' && onlySpace(text, before.end, start)) {
      kind = 'money';
      start = before.start;
    }
    out.push({ value, start, end, raw: text.slice(start, end), kind, fromWords: words });
    i = endTok + 1;
  }
  return out;
}

/** The values of the numbers that carry facts: digits, and word numbers above `minWordValue` (default 1). */
export function factNumbers(text: string, lang: Lang, minWordValue = 1): ExtractedNumber[] {
  return extractNumbers(text, lang).filter((n) => !n.fromWords || n.value > minWordValue || n.kind !== 'cardinal');
}
