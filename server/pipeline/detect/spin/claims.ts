import { extractCalendar } from '../../../lang/calendar.js';
import { lemmaSynsets, lookup, senseCount, synsets } from '../../../lang/wordnet/index.js';
import { own } from '../../../lang/own.js';
import { STOPWORDS } from './stopwords.js';
import { norm, tokenize } from './tokens.js';

// What a changed span claims, in the terms that decide spin vs meaning with the original (issue #17): a
// change is a meaning change only when it changes a claim — a number, a date, a name of a person or place,
// negation or polarity, a quantity ("at least 49"). These read those claims off a span's words.

export function words(s: string): string[] {
  return tokenize(s)
    .filter((t) => t.word)
    .map((t) => norm(t.text));
}

const NEGATION = new Set([
  'not',
  "n't",
  'no',
  'never',
  "ne'er",
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'cannot',
  'nowhere',
]);
export function negations(ws: string[]): number {
  return ws.filter((w) => NEGATION.has(w) || w.endsWith("n't")).length;
}

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
  million: 1e6,
  billion: 1e9,
  first: 1,
  second: 2,
  third: 3,
};
// "a second" / "key second" is how spinners write "moment": ordinal words count as numbers only next to digits
const ORDINAL_WORDS = new Set(['first', 'second', 'third']);

/** Values of the numbers in a word list: digits, and runs of number words ("one thousand million" = 1e9). */
export function numbers(ws: string[]): string[] {
  const out: number[] = [];
  let total = 0;
  let current = 0;
  let inRun = false;
  let scale = 0;
  const flush = (): void => {
    if (inRun) out.push(total + current);
    total = 0;
    current = 0;
    scale = 0;
    inRun = false;
  };
  for (const w of ws) {
    const v = own(NUMBER_WORDS, w);
    if (/\d/.test(w)) {
      flush();
      out.push(Number(w.replace(/,(?=\d{3}\b)/g, '').replace(/[^\d.]/g, '')) || 0);
    } else if (v !== undefined && !ORDINAL_WORDS.has(w)) {
      inRun = true;
      if (v >= 1000) {
        // a scale at least as large as the last one multiplies everything so far ("one thousand million")
        if (v >= scale) total = (total + current || 1) * v;
        else total += (current || 1) * v;
        scale = v;
        current = 0;
      } else if (v === 100) current = (current || 1) * 100;
      else current += v;
    } else if (!(inRun && w === 'and')) flush();
  }
  flush();
  return out.map(String).sort();
}
export const isNumberWord = (w: string): boolean => /\d/.test(w) || own(NUMBER_WORDS, w) !== undefined;

/** Month and weekday keys of a span ("month:9", "weekday:wed"), sorted. */
export function dates(s: string): string {
  return extractCalendar(s, 'en')
    .map((m) => m.key)
    .sort()
    .join(' ');
}

// Quantity qualifiers by what they say of the number after them; "about" → "around" keeps the claim,
// "at least 49" → "49" or "more than" → "less than" changes it.
const QUALIFIERS: [RegExp, string][] = [
  [/\b(?:at least|more than|over|above|upwards of|no less than|no fewer than|in excess of)\b/g, 'lower-bound'],
  [/\b(?:at most|less than|fewer than|under|below|up to|no more than|as many as|as much as)\b/g, 'upper-bound'],
  [/\b(?:about|around|nearly|almost|approximately|roughly|some|close to|an estimated|estimated)\b/g, 'approximate'],
  [/\b(?:exactly|only|just|precisely)\b/g, 'exact'],
];
/** The qualifier classes of a word list (as one lowercase string), sorted. */
export function qualifiers(ws: string[]): string {
  const s = ` ${ws.join(' ')} `;
  const out = new Set<string>();
  for (const [re, cls] of QUALIFIERS) if (re.test(s)) out.add(cls);
  for (const [re] of QUALIFIERS) re.lastIndex = 0;
  return [...out].sort().join(' ');
}

/**
 * A word reads as the name of a person or place: capitalised, and either unknown to WordNet, or one of its
 * senses an instance (WordNet's proper nouns: "Manila", "Smith"), or a common word so rare that no SemCor
 * sense is tagged ("Silva", a surname, is also WordNet's "silva"). A capitalised common word ("Influence",
 * "Jail" in a sense-blind spinner's "Wharton Jail") is a spinner's trace, not a new name.
 */
export function nameLike(token: string): boolean {
  const letters = token.replace(/[-\d]+$/u, '');
  const stem = (letters.split(/['’]/)[0] as string).toLowerCase(); // "It's" is "it"
  if (!/^\p{Lu}/u.test(letters) || letters.length < 2 || STOPWORDS.has(stem)) return false;
  const hits = lookup(letters.toLowerCase());
  if (hits.length === 0) return true;
  if (
    hits.some((h) => h.pos === 'n' && lemmaSynsets(h.lemma, 'n').some((s) => s.pointers.some((p) => p.symbol === '@i')))
  )
    return true;
  return hits.every((h) => senseCount(h.lemma) === 0);
}

/**
 * Capitalised words of a span (lowercase), each marked whether it reads as a name. The first word of a span
 * that starts a sentence is left out: its capital says nothing.
 */
export function capitalised(s: string, sentenceStart = false): { word: string; name: boolean }[] {
  return tokenize(s)
    .filter((t, i, all) => !(sentenceStart && all.slice(0, i).every((x) => !x.word)))
    .filter((t) => t.word && /^\p{Lu}\p{L}/u.test(t.text) && !STOPWORDS.has(t.text.toLowerCase()))
    .map((t) => ({ word: norm(t.text.replace(/[-\d]+$/u, '')), name: nameLike(t.text) }));
}

// Compass points and other polar pairs WordNet does not link as antonyms in every form.
const POLAR_PAIRS: [string, string][] = [
  ['north', 'south'],
  ['east', 'west'],
  ['northern', 'southern'],
  ['eastern', 'western'],
  ['up', 'down'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['most', 'least'],
  ['rise', 'fall'],
  ['rose', 'fell'],
  ['risen', 'fallen'],
  ['before', 'after'],
  ['earlier', 'later'],
];
const polarKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const POLAR = new Set(POLAR_PAIRS.map(([a, b]) => polarKey(a, b)));

/** True when a word of one side is an antonym of a word of the other (WordNet '!' pointers, or a polar pair). */
export function antonymous(aw: string[], bw: string[]): boolean {
  for (const a of aw) {
    for (const b of bw) {
      if (a === b) continue;
      if (POLAR.has(polarKey(a, b))) return true;
      const sb = new Set(synsets(b).map((s) => `${s.pos}${s.offset}`));
      if (sb.size === 0) continue;
      for (const s of synsets(a))
        for (const p of s.pointers) if (p.symbol === '!' && sb.has(`${p.pos}${p.offset}`)) return true;
    }
  }
  return false;
}
