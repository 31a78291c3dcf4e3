// Word-level normalisation shared by the lexicon and the aligner: tokens, folding, a crude English stemmer,
// number words, and a spelling-normalised "cognate key" that lets Tagalog loanwords meet their English
// sources (internasyonal ~ international, teknolohiya ~ technology, resolusyon ~ resolution).

import { Memo } from '../memo.js';
import { own } from './own.js';

const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;

// These are pure functions of one word, called for the same words in every sentence pair the aligner and
// the detectors compare: each word is normalised once.
const folded = new Memo<string, string>(200_000);
const stems = new Memo<string, string>(200_000);
const cognates = new Memo<string, string>(200_000);

/** Lower-cased, diacritics removed (pagpupulóng → pagpupulong). */
export function fold(word: string): string {
  return folded.get(word, (w) =>
    w
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  );
}

/** Word tokens as written (hyphens and apostrophes split: pang-ekonomiya → pang, ekonomiya). */
export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

const EN_NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
  billion: '1000000000',
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  fifth: '5',
  sixth: '6',
  seventh: '7',
  eighth: '8',
  ninth: '9',
  tenth: '10',
};

/** English number word → digits ("two" → "2"), or null. */
export function enNumberWord(w: string): string | null {
  return own(EN_NUMBER_WORDS, w) ?? null;
}

// Irregular forms that a suffix stripper cannot reach but that matter for news text.
const EN_IRREGULAR: Record<string, string> = {
  met: 'meet',
  said: 'say',
  says: 'say',
  went: 'go',
  gone: 'go',
  made: 'make',
  took: 'take',
  gave: 'give',
  came: 'come',
  told: 'tell',
  held: 'hold',
  left: 'leave',
  saw: 'see',
  seen: 'see',
  men: 'man',
  women: 'woman',
  children: 'child',
  people: 'person',
  countries: 'country',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  been: 'be',
  has: 'have',
  had: 'have',
  did: 'do',
  does: 'do',
  began: 'begin',
  brought: 'bring',
  bought: 'buy',
  thought: 'think',
};

/** A crude English stemmer (plural, past, gerund, -ly): enough to meet lexicon glosses. */
export function enStem(word: string): string {
  return stems.get(word, stemOf);
}

function stemOf(word: string): string {
  const w = fold(word);
  const irr = own(EN_IRREGULAR, w);
  if (irr) return irr;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return w.endsWith('eed') ? w.slice(0, -1) : undouble(w.slice(0, -2));
  if (w.endsWith('ly') && w.length > 5) return w.slice(0, -2);
  if (w.endsWith('sses') || w.endsWith('shes') || w.endsWith('ches') || w.endsWith('xes')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

function undouble(s: string): string {
  const n = s.length;
  if (n >= 3 && s[n - 1] === s[n - 2] && !'lsz'.includes(s[n - 1] ?? '')) return s.slice(0, -1);
  // "greet" + ed, "mov(e)" + ed: the bare stem is close enough for a 4-letter cognate key.
  return s;
}

/**
 * Spelling-normalised form for cognate matching across English, Tagalog and other Latin-script languages:
 * Tagalog respells Spanish/English loans (c→k/s, f→p, v→b, -tion/-cion→-syon, ph→f, z→s).
 */
export function cognateForm(word: string): string {
  return cognates.get(word, cognateFormOf);
}

function cognateFormOf(word: string): string {
  let w = fold(word);
  w = w
    .replace(/(?:tion|cion|sion|syon)/g, 'syon')
    .replace(/ph/g, 'p')
    .replace(/ch/g, 'k')
    .replace(/th/g, 't')
    .replace(/qu/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/f/g, 'p')
    .replace(/v/g, 'b')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/j/g, 'h')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return w;
}

/** First four letters of the cognate form (Simard-style 4-gram cognates); null for short words. */
export function cognateKey(word: string): string | null {
  const f = cognateForm(word);
  return f.length >= 4 && !/^\d+$/.test(f) ? f.slice(0, 4) : null;
}

const EN_STOP = new Set(
  `a an the and or but if of to in on at by for with from as into onto than then that this these those there here
  it its it's he she they we you i me him her them us my your his our their be is are was were been being am do does
  did have has had not no so such very can could would should will shall may might must also just only about over
  under after before while when where which who whom whose what why how all any each both few more most other some
  own same too s t up out off again further once said says say`
    .split(/\s+/)
    .filter(Boolean),
);

export function isEnStopword(w: string): boolean {
  return EN_STOP.has(fold(w));
}
