import { lookup, relatedness } from '../../../lang/wordnet/index.js';
import { lookupFingerprint } from './lexicon.js';
import { norm, tokenize } from './tokens.js';
import { own } from '../../../lang/own.js';

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
/** Values of the numbers in a word list: digits, and runs of number words ("one thousand million" = 1e9). */
function numbers(ws: string[]): string[] {
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
    } else if (v !== undefined && !['first', 'second', 'third'].includes(w)) {
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
function names(s: string): string[] {
  // capitalised words other than a sentence's first; sense-blind spinners do not touch names
  return tokenize(s)
    .filter((t, i, all) => t.word && /^\p{Lu}/u.test(t.text) && i > 0 && !/[.!?"“]/.test((all[i - 1] as { text: string }).text))
    .map((t) => t.text)
    .sort();
}

/** Surface form and base forms ("goes to" → "go to"), lowercased, for matching the fingerprint list. */
function bases(s: string): string[] {
  return [s, ...lookup(s).map((h) => h.lemma.replace(/_/g, ' '))];
}

/** A fingerprint entry links the two, in any inflection ("goes to" ← "visits" as "go to" ← "visit"). */
function fingerprinted(spun: string, original: string): boolean {
  const origs = new Set(bases(original));
  return bases(spun).some((x) => lookupFingerprint(x).some((e) => origs.has(e.original.toLowerCase())));
}

/** Drops the "more"/"most" of a periphrastic comparative so "most eminent" meets "highest" as eminent/high. */
function bare(ws: string[]): string {
  const x = ws.length > 1 && ['more', 'most', 'less', 'least'].includes(ws[0] as string) ? ws.slice(1) : ws;
  return x.join(' ');
}

export function classifyChange(spun: string, original: string): Classified {
  const sw = words(spun);
  const ow = words(original);
  if (negations(sw) !== negations(ow)) return { kind: 'meaning', confidence: 0.95, reason: 'negation' };
  // a known spinner substitution, even one that looks like a number ("one other" ← "another")
  if (sw.length && ow.length && fingerprinted(sw.join(' '), ow.join(' '))) return { kind: 'spin', confidence: 0.95, reason: 'fingerprint' };
  const sn = numbers(sw).join(' ');
  const on = numbers(ow).join(' ');
  // a number changed is a fact changed; a number word swapped for a non-number synonym ("million" → "meg")
  // is what a sense-blind spinner does
  if (sn !== on && (sn === '' || on === '') && relatedness(bare(sw), bare(ow)) === 2) return { kind: 'spin', confidence: 0.9, reason: 'WordNet synonym' };
  if (sn !== on) return { kind: 'meaning', confidence: 0.95, reason: 'number' };
  if (sw.length === 0 || ow.length === 0) return { kind: 'meaning', confidence: 0.7, reason: sw.length ? 'addition' : 'omission' };
  if (sn !== '' && sw.every((w) => /\d/.test(w) || own(NUMBER_WORDS, w) !== undefined)) return { kind: 'spin', confidence: 0.8, reason: 'same number' };
  const a = sw.join(' ');
  const b = ow.join(' ');
  if (a === b) return { kind: 'spin', confidence: 0.6, reason: 'case or punctuation' };
  const rel = relatedness(bare(sw), bare(ow));
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
