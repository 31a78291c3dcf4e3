import type { Lang } from '../pipeline/types.js';
import { MemoFamily } from '../memo.js';
import {
  EN_MULTIPLIERS,
  TL_MULTIPLIERS,
  englishWords,
  plainWord,
  tagalogWords,
  type WordValue,
} from './numberWords.js';
import { own } from './own.js';
import { qualifierBefore, type Qualifier } from './quantity.js';
import { resource, use } from '../core/resources.js';

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
  /** "at least", "mahigit", "mga"… written right before it (see quantity.ts). */
  qualifier?: Qualifier | null;
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
const LOOKED_MEMO = resource('number words looked up (memo)', () => new MemoFamily<string, Part>(100_000));
function lookupWord(w: string, lang: Lang): Part {
  return use(LOOKED_MEMO)
    .table(lang)
    .get(w, () => lookupWordOf(w, lang));
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
    for (const c of [...candidates]) candidates.push(...teenSpellings(c));
  }
  // "two-dozen", "three-million": a count hyphened to its scale word reads as their product.
  const hy = /^([a-z]+)-([a-z]+)$/.exec(key);
  if (hy) {
    const m = own(mults, hy[2]!);
    const n = tables[0]!.get(hy[1]!);
    if (m !== undefined && m !== 100 && m !== 10 && n && !n.ordinal)
      return { t: 'num', value: n.value * m, ordinal: false, words: true, joinNext };
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
    // Ordinals with pang-/pan-/pam- (pangalawa, pangatlo, pang-apat, panlima, pampito): units only, so that
    // ordinary pang- words (pangalan, pansin) stay words.
    const pang = lang !== 'en' ? /^pa(?:ng-?|n|m)(.+)$/.exec(c) : null;
    if (pang) {
      const base = pang[1]!;
      const v = tagalogWords().get(base) ?? tagalogWords().get('d' + base); // pangalawa = pang + (d)alawa
      if (v && !v.ordinal && v.value >= 2 && v.value <= 10)
        return { t: 'num', value: v.value, ordinal: true, words: true, joinNext };
    }
  }
  return { t: 'other' };
}

// Tagalog teens are written labing-pito, labimpito, labingpito, labinpito, labing pito: all read as 10 + unit.
const TEEN = /^(ika-?)?labi(?:ng|n|m)-?(.+)$/;
function teenSpellings(key: string): string[] {
  const m = TEEN.exec(key);
  if (!m) return [];
  const unit = m[2]!;
  return [`${m[1] ? 'ika' : ''}labing-${unit}`];
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
      time = clock(h ?? 0, mm ?? 0);
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
      part =
        MONEY_PREFIX.has(g.word.toLowerCase()) && /^\s?[$\d]/.test(text.slice(end, end + 2)) && g.word !== 'p'
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

/** Minutes on a 12-hour dial: "21:00", "9 p.m." and "ika-9 ng gabi" are one time (a.m./p.m. is often left to context). */
function clock(h: number, m: number): number {
  return (h % 12) * 60 + m;
}

// Clock times written around a number: Tagalog "alas-6", "ala-una", "alas singko y medya", "ika-9 ng umaga",
// "9 ng gabi"; English "9 a.m.", "6pm", "7 o'clock". Their number is an hour, compared as a time.
const SPANISH_HOURS: Record<string, number> = {
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  kuwatro: 4,
  kwatro: 4,
  singko: 5,
  sinko: 5,
  sais: 6,
  siyete: 7,
  syete: 7,
  otso: 8,
  nuwebe: 9,
  nwebe: 9,
  diyes: 10,
  dyes: 10,
  onse: 11,
  dose: 12,
};
const DAYPART = '(?:umaga|hapon|gabi|tanghali|madaling[-\\s]araw)';
// (British papers write the minutes after a full stop, "7.55am", "4.40 am"; Tagalog copies keep it as written.)
const AM_PM = /(?<![\p{L}\d.,:])(\d{1,2})(?:[:.](\d{2}))?()()\s?(?:[ap]\.?\s?m\b\.?|o['’]clock)/giu;
const TL_CLOCK = [
  AM_PM,
  new RegExp(
    `(?<![\\p{L}\\d])ala(?:s)?[-\\s]?(?:(\\d{1,2})(?::(\\d{2}))?|(${Object.keys(SPANISH_HOURS).join('|')}))(?:\\s+y\\s+(medya|media))?(?:\\s+(?:ng|sa)\\s+${DAYPART})?(?![\\p{L}\\d])`,
    'giu',
  ),
  new RegExp(
    `(?<![\\p{L}\\d.,:])(?:ika-?\\s?)?(\\d{1,2})(?::(\\d{2}))?()()\\s+(?:ng|sa)\\s+${DAYPART}(?![\\p{L}])`,
    'giu',
  ),
];
const EN_CLOCK = [AM_PM];

interface Clock {
  start: number;
  end: number;
  value: number;
}

function clockTimes(text: string, lang: Lang): Clock[] {
  const res = lang === 'en' ? EN_CLOCK : lang === 'tl' ? TL_CLOCK : [...EN_CLOCK, ...TL_CLOCK];
  const out: Clock[] = [];
  for (const re of res) {
    for (const m of text.matchAll(re)) {
      const h = m[1] ? Number(m[1]) : (SPANISH_HOURS[(m[3] ?? '').toLowerCase()] ?? NaN);
      const min = m[2] ? Number(m[2]) : m[4] ? 30 : 0;
      if (!(h >= 0 && h <= 24 && min < 60)) continue;
      const raw = m[0].replace(/\.$/, '');
      if (out.some((c) => m.index < c.end && c.start < m.index + raw.length)) continue;
      out.push({ start: m.index, end: m.index + raw.length, value: clock(h, min) });
    }
  }
  return out;
}

const onlySpace = (text: string, a: number, b: number): boolean => /^[\s]*$/.test(text.slice(a, b));

/** Every number in `text`, in order, with its value, kind and offsets. */
export function extractNumbers(text: string, lang: Lang): ExtractedNumber[] {
  // the aligner, the pair detectors and the similarity scores each read a sentence's numbers
  return use(EXTRACTED_MEMO)
    .table(lang)
    .get(text, () => extractNumbersOf(text, lang))
    .slice();
}

const EXTRACTED_MEMO = resource('numbers of a text (memo)', () => new MemoFamily<string, ExtractedNumber[]>(50_000));

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

/**
 * Whether text without digits can hold a number: only a number word can open one (a count, or a scale
 * from a thousand up). Most sentences have neither, and the full tokenizer (a match object per word) was
 * most of what reading numbers cost.
 */
function mayHoldNumber(text: string, lang: Lang): boolean {
  if (/\d/.test(text) || (lang !== 'en' && /(?<![\p{L}])alas?[-\s]/iu.test(text))) return true;
  for (const w of text.match(WORD) ?? []) {
    const p = lookupWord(w, lang);
    if (p.t === 'num' || (p.t === 'mult' && p.value >= 1000)) return true;
  }
  return false;
}

function extractNumbersOf(text: string, lang: Lang): ExtractedNumber[] {
  if (!mayHoldNumber(text, lang)) return [];
  const out = readNumbers(text, lang);
  for (const n of out) n.qualifier = qualifierBefore(text, n.start, lang);
  return out;
}

function readNumbers(text: string, lang: Lang): ExtractedNumber[] {
  const toks = tokenize(text, lang);
  const clocks = clockTimes(text, lang);
  const out: ExtractedNumber[] = clocks.map((c) => ({
    value: c.value,
    start: c.start,
    end: c.end,
    raw: text.slice(c.start, c.end),
    kind: 'time',
    fromWords: false,
  }));
  const inClock = (t: Tok) => clocks.some((c) => t.start >= c.start && t.end <= c.end);
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    if (inClock(tok)) {
      i++;
      continue;
    }
    if (tok.time !== undefined || tok.label !== undefined) {
      const kind = tok.time !== undefined ? 'time' : 'label';
      out.push({
        value: (tok.time ?? tok.label)!,
        start: tok.start,
        end: tok.end,
        raw: tok.raw,
        kind,
        fromWords: false,
      });
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
  return out.sort((a, b) => a.start - b.start);
}

/** The values of the numbers that carry facts: digits, and word numbers above `minWordValue` (default 1). */
export function factNumbers(text: string, lang: Lang, minWordValue = 1): ExtractedNumber[] {
  return extractNumbers(text, lang).filter((n) => !n.fromWords || n.value > minWordValue || n.kind !== 'cardinal');
}
