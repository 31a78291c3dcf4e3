import { relatedness } from '../../../lang/wordnet/index.js';
import { lookupFingerprint } from './lexicon.js';
import { norm, tokenize } from './tokens.js';

// With the original: is a changed span a sense-blind synonym swap (spin) or a change of meaning?
// Meaning first (numbers, negation, names are facts a synonym never changes), then WordNet and the lexicon.

export type ChangeKind = 'spin' | 'meaning';
export interface Classified {
  kind: ChangeKind;
  confidence: number;
  reason: string;
}

const NEGATION = new Set(['not', "n't", 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot', 'nowhere']);
const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  thousand: 1000, million: 1e6, billion: 1e9, first: 1, second: 2, third: 3,
};
// "a second" / "key second" is how spinners write "moment": ordinal words count as numbers only next to digits

function words(s: string): string[] {
  return tokenize(s).filter((t) => t.word).map((t) => norm(t.text));
}
function negations(ws: string[]): number {
  return ws.filter((w) => NEGATION.has(w) || w.endsWith("n't")).length;
}
function numbers(ws: string[]): string[] {
  return ws
    .map((w) => (/\d/.test(w) ? w.replace(/[,.](?=\d{3}\b)/g, '') : w in NUMBER_WORDS && !['first', 'second', 'third'].includes(w) ? String(NUMBER_WORDS[w]) : ''))
    .filter((x) => x !== '')
    .sort();
}
function names(s: string): string[] {
  // capitalised words other than a sentence's first; sense-blind spinners do not touch names
  return tokenize(s)
    .filter((t, i, all) => t.word && /^\p{Lu}/u.test(t.text) && i > 0 && !/[.!?"“]/.test((all[i - 1] as { text: string }).text))
    .map((t) => t.text)
    .sort();
}

export function classifyChange(spun: string, original: string): Classified {
  const sw = words(spun);
  const ow = words(original);
  if (negations(sw) !== negations(ow)) return { kind: 'meaning', confidence: 0.95, reason: 'negation' };
  const sn = numbers(sw).join(' ');
  const on = numbers(ow).join(' ');
  if (sn !== on) return { kind: 'meaning', confidence: 0.95, reason: 'number' };
  if (sw.length === 0 || ow.length === 0) return { kind: 'meaning', confidence: 0.7, reason: sw.length ? 'addition' : 'omission' };
  if (sn !== '' && sw.every((w) => /\d/.test(w) || w in NUMBER_WORDS)) return { kind: 'spin', confidence: 0.8, reason: 'same number' };
  const a = sw.join(' ');
  const b = ow.join(' ');
  if (a === b) return { kind: 'spin', confidence: 0.6, reason: 'case or punctuation' };
  if (lookupFingerprint(a).some((e) => e.original === b)) return { kind: 'spin', confidence: 0.95, reason: 'fingerprint' };
  const rel = relatedness(a, b);
  if (rel === 2) return { kind: 'spin', confidence: 0.95, reason: 'WordNet synonym' };
  const sNames = names(spun).join(' ');
  const oNames = names(original).join(' ');
  if (sNames !== oNames && (sNames !== '' || oNames !== '')) {
    const lowered = sNames.toLowerCase() === oNames.toLowerCase();
    if (!lowered && rel === 0) return { kind: 'meaning', confidence: 0.9, reason: 'name' };
  }
  if (rel === 1) return { kind: 'spin', confidence: 0.7, reason: 'WordNet neighbour' };
  return { kind: 'meaning', confidence: 0.6, reason: 'content changed' };
}
