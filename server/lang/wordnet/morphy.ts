import { EXCEPTIONS } from './irregular.js';
import { getLemmaIndex, POS_LIST, type Pos } from './files.js';
import { resource, use } from '../../core/resources.js';

// WordNet's morphy: exception lists first, then the detachment rules of each part of speech, keeping only
// candidates that are lemmas of that part of speech. Collocations ("goes_to") are lemmatised word by word.

const RULES: Record<Pos, [string, string][]> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ied', 'y'],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
    ['ier', 'y'],
    ['iest', 'y'],
  ],
  r: [],
};

export function isLemma(lemma: string, pos?: Pos): boolean {
  return getLemmaIndex().has(lemma, pos);
}

/** Candidate base forms by the rules, checked against the lemma list unless `check` is false (collocation heads). */
function morphyWord(word: string, pos: Pos, check = true): string[] {
  const out: string[] = [];
  const add = (c: string): void => {
    if (c && !out.includes(c) && (!check || isLemma(c, pos))) out.push(c);
  };
  add(word);
  if (pos !== 'r') for (const base of EXCEPTIONS[pos].get(word) ?? []) add(base);
  for (const [suf, rep] of RULES[pos]) {
    if (!word.endsWith(suf) || word.length <= suf.length + 1) continue;
    const stem = word.slice(0, -suf.length);
    add(stem + rep);
    // stopped → stop, planning → plan (WordNet lists these in verb.exc; the rule covers the regular ones)
    if (pos === 'v' && rep === '' && /([bdgklmnprtvz])\1$/.test(stem)) add(stem.slice(0, -1));
    if (pos === 'a' && rep === '' && /([bdgmnpt])\1$/.test(stem)) add(stem.slice(0, -1));
  }
  return out;
}

/** "n|words" for each collocation lemma of a part of speech: its length and the words other than its head. */
const fixedKey = (parts: string[], pos: Pos): string =>
  `${parts.length}|${(pos === 'v' ? parts.slice(1) : parts.slice(0, -1)).join('_')}`;

/**
 * The fixed (non-head) words of the multiword lemmas of each part of speech: for two- and three-word
 * lemmas as word sets (spin detection asks about every two and three words of a text, and a set answers
 * without a key string), for longer ones as fixedKey strings. A verb's head is its first word, any other
 * lemma's its last.
 */
interface FixedParts {
  two: Record<Pos, Set<string>>; // the fixed word: a verb's second, another lemma's first
  three: Record<Pos, Map<string, Set<string>>>; // the fixed pair: a verb's w2 → w3, another's w1 → w2
  longer: Record<Pos, Set<string>>;
}
const FIXED_PARTS = resource('WordNet collocation parts', (): FixedParts => {
  const index = getLemmaIndex();
  const per = <T>(make: () => T): Record<Pos, T> => ({ n: make(), v: make(), a: make(), r: make() });
  const f: FixedParts = {
    two: per(() => new Set<string>()),
    three: per(() => new Map<string, Set<string>>()),
    longer: per(() => new Set<string>()),
  };
  for (const p of POS_LIST) {
    for (const lemma of index.collocationsOf(p)) {
      const parts = lemma.split('_');
      if (parts.length === 2) f.two[p].add(p === 'v' ? parts[1]! : parts[0]!);
      else if (parts.length === 3) {
        const [x, y] = p === 'v' ? [parts[1]!, parts[2]!] : [parts[0]!, parts[1]!];
        const set = f.three[p].get(x);
        if (set) set.add(y);
        else f.three[p].set(x, new Set([y]));
      } else f.longer[p].add(fixedKey(parts, p));
    }
  }
  return f;
});
const fixedParts = (): FixedParts => use(FIXED_PARTS);

/**
 * Whether the words can be a collocation lemma of `pos`: only the head word is inflected (the first of a
 * verb, the last otherwise), so the other words must be as written in some multiword lemma of that part
 * of speech and length. Spin detection asks this of every two and three words of a text; nearly all fail
 * here without any morphology.
 */
export function mayBeCollocation(parts: string[], pos: Pos): boolean {
  const f = fixedParts();
  if (parts.length === 2) return f.two[pos].has(pos === 'v' ? parts[1]! : parts[0]!);
  if (parts.length === 3)
    return Boolean(
      pos === 'v' ? f.three.v.get(parts[1]!)?.has(parts[2]!) : f.three[pos].get(parts[0]!)?.has(parts[1]!),
    );
  return parts.length > 3 && f.longer[pos].has(fixedKey(parts, pos));
}

/** mayBeMultiword for words already lowercased and split (spin detection's two- and three-word spans). */
export function mayBeMultiwordWords(parts: string[]): boolean {
  return parts.length < 2 || POS_LIST.some((pos) => mayBeCollocation(parts, pos));
}

/** False when a form of several words cannot be any collocation lemma (so morphy finds nothing for it). */
export function mayBeMultiword(form: string): boolean {
  if (!MULTI.test(form)) return true; // one word (lookup asks this of every word it is given)
  return mayBeMultiwordWords(form.toLowerCase().trim().replace(/\s+/g, '_').split('_'));
}
const MULTI = /[\s_]/;

/** Base forms of a word or collocation ("goes to" / "goes_to") as WordNet lemmas of `pos`. */
export function morphy(form: string, pos: Pos): string[] {
  const word = form.toLowerCase().trim().replace(/\s+/g, '_');
  if (!word.includes('_')) return morphyWord(word, pos);
  const parts = word.split('_');
  if (!mayBeCollocation(parts, pos)) return [];
  const out: string[] = [];
  if (isLemma(word, pos)) out.push(word);
  // verbs inflect the first word (goes_to, took_part_in); nouns the last (press_conferences)
  const head = pos === 'v' ? 0 : parts.length - 1;
  for (const base of morphyWord(parts[head] as string, pos, false)) {
    const cand = parts.map((p, i) => (i === head ? base : p)).join('_');
    if (!out.includes(cand) && isLemma(cand, pos)) out.push(cand);
  }
  return out;
}
