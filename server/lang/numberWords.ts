import { readFileSync } from 'node:fs';
import { own } from './own.js';
import { resource, use, type Resources } from '../core/resources.js';

// Number-word tables for the extractor: Tagalog from data/lexicon-numbers/tl_numbers.tsv (CLDR + Wiktionary),
// English written here (a closed class). Multipliers are kept apart from plain values because they compose
// ("dalawang daan" = 2 × 100, "five thousand" = 5 × 1000).

export interface WordValue {
  value: number;
  ordinal: boolean;
}

/** Lower-case, accents stripped, typographic apostrophe made ASCII: the key every table is indexed by. */
export function plainWord(w: string): string {
  return w.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase();
}

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_ORD_UNITS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];

export const EN_MULTIPLIERS: Record<string, number> = {
  hundred: 100,
  thousand: 1000,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  dozen: 12,
  dozens: 12,
  hundredth: 100,
  thousandth: 1000,
  millionth: 1e6,
};
export const TL_MULTIPLIERS: Record<string, number> = {
  daan: 100,
  raan: 100,
  libo: 1000,
  laksa: 10000,
  milyon: 1e6,
  bilyon: 1e9,
  trilyon: 1e12,
  pu: 10,
  dosena: 12,
  // Taglish news writing uses the English scale words inside Tagalog sentences too.
  ...EN_MULTIPLIERS,
};

function buildEnglish(): Map<string, WordValue> {
  const m = new Map<string, WordValue>();
  EN_UNITS.forEach((w, i) => m.set(w, { value: i, ordinal: false }));
  EN_ORD_UNITS.forEach((w, i) => m.set(w, { value: i, ordinal: true }));
  EN_TENS.forEach((w, i) => {
    if (!w) return;
    m.set(w, { value: i * 10, ordinal: false });
    m.set(w.replace(/y$/, 'ieth'), { value: i * 10, ordinal: true });
    for (let u = 1; u < 10; u++) {
      m.set(`${w}-${EN_UNITS[u]}`, { value: i * 10 + u, ordinal: false });
      m.set(`${w}-${EN_ORD_UNITS[u]}`, { value: i * 10 + u, ordinal: true });
    }
  });
  return m;
}

function buildTagalog(res: Resources): Map<string, WordValue> {
  const m = new Map<string, WordValue>();
  const lines = readFileSync(res.dataPath('lexicon-numbers', 'tl_numbers.tsv'), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [value, kind, , plain] = line.split('\t');
    if (!value || !plain) continue;
    const key = plainWord(plain);
    if (own(TL_MULTIPLIERS, key) !== undefined) continue;
    if (!m.has(key)) m.set(key, { value: Number(value), ordinal: kind === 'ordinal' });
  }
  // "una"/"unang" (first) is left out of the data file because "noong una" means "at first"; as an ordinal it
  // still pairs with English "first"/"1st", and a value of 1 is never a fact on its own.
  m.set('una', { value: 1, ordinal: true });
  return m;
}

const EN_WORDS = resource('English number words', buildEnglish);
const TL_WORDS = resource('Tagalog number words', buildTagalog);
export const englishWords = (): Map<string, WordValue> => use(EN_WORDS);
export const tagalogWords = (): Map<string, WordValue> => use(TL_WORDS);
