import { lookup, relatedness } from '../../../lang/wordnet/index.js';
import { antonymous, capitalised, dates, isNumberWord, negations, numbers, qualifiers, words } from './claims.js';
import { lookupFingerprint } from './lexicon.js';

// With the original: is a changed span spin or a change of meaning? A change is *meaning* only when it
// changes what the text claims — a number, a date, a name of a person or place, negation or polarity, a
// quantity ("at least 49" → "49"); every thesaurus swap, spelling variant, punctuation or word-order change,
// however clumsy, is *spin* (issue #17). A sense-blind spinner also swaps names for common words ("Derby" →
// "bowler"): that is its trace, spin; a name replaced by another name is meaning.
// The confidence of a spin verdict says how sure the swap is a synonym swap (WordNet, the fingerprint list),
// which original.ts uses to re-cut the diff's hunks.

export type ChangeKind = 'spin' | 'meaning';
export interface Classified {
  kind: ChangeKind;
  confidence: number;
  reason: string;
}

/** What surrounds the change: a qualifier means something only before a number, a capital only mid-sentence. */
export interface ChangeContext {
  /** the original's text right after the change */
  after?: string;
  /** the spun text right before the change */
  before?: string;
}
const startsSentence = (before: string | undefined): boolean =>
  before !== undefined && /(?:^|[.!?:"“”]|\n)\s*$/.test(before);

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

/** relatedness of the two sides, read with and without a comparative's "more" ("more often than not" is a lemma). */
function wordnetRelation(sw: string[], ow: string[]): 0 | 1 | 2 {
  if (sw.length === 0 || ow.length === 0) return 0;
  const rel = relatedness(bare(sw), bare(ow));
  if (rel === 2 || (bare(sw) === sw.join(' ') && bare(ow) === ow.join(' '))) return rel;
  return Math.max(rel, relatedness(sw.join(' '), ow.join(' '))) as 0 | 1 | 2;
}

/** Same words but for spelling: case, hyphens, spaces, US/UK endings ("off-line", "organisation"). */
function spellingVariant(a: string, b: string): boolean {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\s\-’']/g, '')
      .replace(/is(e|ed|es|ing|ation)\b/g, 'iz$1')
      .replace(/our\b/g, 'or')
      .replace(/re\b/g, 'er')
      .replace(/ll(ed|ing)\b/g, 'l$1');
  return key(a) === key(b);
}

const meaning = (confidence: number, reason: string): Classified => ({ kind: 'meaning', confidence, reason });
const spin = (confidence: number, reason: string): Classified => ({ kind: 'spin', confidence, reason });

export function classifyChange(spunText: string, originalText: string, ctx: ChangeContext = {}): Classified {
  const sw = words(spunText);
  const ow = words(originalText);
  const rel = wordnetRelation(sw, ow);
  // one WordNet synset holds both, even where one side looks like a negation or a number ("more often than
  // not" ← "mostly", "atomic number 1" ← "hydrogen"): the same sense, so the same claim
  if (rel === 2 && sw.length > 1 !== ow.length > 1) return spin(0.95, 'WordNet synonym (multiword)');
  if (negations(sw) !== negations(ow)) return meaning(0.95, 'negation');
  // a known spinner substitution, even one that looks like a number ("one other" ← "another")
  if (sw.length && ow.length && fingerprinted(sw.join(' '), ow.join(' '))) return spin(0.95, 'fingerprint');
  const sn = numbers(sw).join(' ');
  const on = numbers(ow).join(' ');
  if (sn !== on) {
    // a number word swapped for a non-number synonym ("million" → "meg") is what a sense-blind spinner does;
    // a number changed, added or dropped is a fact changed
    const wordOnly = (ws: string[]) => ws.every((w) => !/\d/.test(w));
    if ((sn === '' || on === '') && rel >= 1 && wordOnly(sw) && wordOnly(ow))
      return spin(rel === 2 ? 0.9 : 0.7, 'WordNet synonym of a number word');
    return meaning(0.95, 'number');
  }
  if (dates(spunText) !== dates(originalText)) {
    // "Monday" → "Mon" keeps the date; another month or weekday does not
    if (rel === 2) return spin(0.9, 'WordNet synonym');
    return meaning(0.95, 'date');
  }
  const numberAfter = /^\s*[\d(]/.test(ctx.after ?? '') || [...sw, ...ow].some(isNumberWord);
  if (numberAfter && qualifiers(sw) !== qualifiers(ow)) return meaning(0.9, 'quantity');
  if (antonymous(sw, ow)) return meaning(0.9, 'polarity');
  if (sw.length === 0 && ow.length === 0) return spin(0.6, 'punctuation');
  // a new name in place of the original's words that WordNet does not relate to them; a spinner's title-cased
  // swaps are mostly common words ("Wc Influence" for "John Trump"), an editor's new name is names
  const first = startsSentence(ctx.before);
  const sCaps = capitalised(spunText, first);
  const oCaps = capitalised(originalText, first);
  const newCaps = sCaps.filter((c) => !oCaps.some((o) => o.word === c.word));
  const newNames = newCaps.filter((c) => c.name && ow.every((o) => relatedness(c.word, o) === 0));
  if (rel === 0 && newNames.length > 0 && newNames.length * 2 > newCaps.length) return meaning(0.9, 'name');
  if (sw.length === 0 && oCaps.some((c) => c.name)) return meaning(0.85, 'name dropped');
  if (sw.join(' ') === ow.join(' ')) return spin(0.6, 'case or punctuation');
  if (spellingVariant(spunText, originalText)) return spin(0.9, 'spelling variant');
  if (rel === 2) return spin(0.95, 'WordNet synonym');
  if (rel === 1) return spin(0.7, 'WordNet neighbour');
  if (sw.length === 0 || ow.length === 0) return spin(0.5, sw.length ? 'words added' : 'words dropped');
  return spin(0.5, 'words changed, no claim changed');
}
